namespace JourneyPlugin.Runtime.Grains;

/// <summary>Where a journey instance is, as its grain reports it.</summary>
[GenerateSerializer]
[Alias("JourneyPlugin.JourneyInstanceSnapshot")]
public sealed record JourneyInstanceSnapshot
{
    /// <summary>The instance id.</summary>
    [Id(0)]
    public required string InstanceId { get; init; }

    /// <summary>Running, Suspended, Finished, Faulted or Cancelled.</summary>
    [Id(1)]
    public required string Status { get; init; }

    /// <summary>Why it faulted, if it did.</summary>
    [Id(2)]
    public string? Fault { get; init; }

    /// <summary>When its next timer is due, if any.</summary>
    [Id(3)]
    public DateTimeOffset? NextDueAt { get; init; }

    /// <summary>How many steps it has completed or is waiting in.</summary>
    [Id(4)]
    public int Steps { get; init; }

    /// <summary>
    /// True only in the answer of the <see cref="IJourneyInstanceGrain.StartAsync"/> call that started the instance;
    /// the grain handles one call at a time, so of two concurrent starts exactly one sees it.
    /// </summary>
    [Id(5)]
    public bool Created { get; init; }
}
