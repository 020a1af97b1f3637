namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>Where a campaign run is.</summary>
[GenerateSerializer]
[Alias("JourneyPlugin.CampaignRunSnapshot")]
public sealed record CampaignRunSnapshot
{
    /// <summary>The run id.</summary>
    [Id(0)]
    public required string RunId { get; init; }

    /// <summary>Created, Running, Paused, Cancelled or Completed.</summary>
    [Id(1)]
    public required string Status { get; init; }

    /// <summary>The last audience row enrolled or rejected.</summary>
    [Id(2)]
    public long RowsRead { get; init; }

    /// <summary>Rows skipped because of an invalid phone or a malformed line.</summary>
    [Id(3)]
    public long RowsRejected { get; init; }

    /// <summary>Whether every row of the audience has been read.</summary>
    [Id(4)]
    public bool EnrolmentFinished { get; init; }
}
