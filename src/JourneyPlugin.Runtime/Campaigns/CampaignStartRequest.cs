namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>A campaign run to start: a journey and an audience file already stored on disk.</summary>
[GenerateSerializer]
[Alias("JourneyPlugin.CampaignStartRequest")]
public sealed record CampaignStartRequest
{
    /// <summary>The journey.</summary>
    [Id(0)]
    public required string DefinitionId { get; init; }

    /// <summary>A name for people.</summary>
    [Id(1)]
    public required string Name { get; init; }

    /// <summary>The audience file (CSV with a header row, or JSON lines).</summary>
    [Id(2)]
    public required string AudiencePath { get; init; }
}
