namespace JourneyPlugin.Runtime.Storage;

/// <summary>A journey instance without its state, for listings.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="DefinitionId">The journey's definition id.</param>
/// <param name="RunId">The campaign run, if any.</param>
/// <param name="CustomerKey">The customer the instance is for.</param>
/// <param name="Status">Where the instance is.</param>
/// <param name="NextDueAt">When its earliest timer is due, if any.</param>
/// <param name="CreatedAt">When the instance started.</param>
/// <param name="UpdatedAt">When the instance last changed.</param>
/// <param name="Version">The stored version.</param>
public sealed record StoredInstanceSummary(
    string InstanceId,
    string DefinitionId,
    string? RunId,
    string CustomerKey,
    string Status,
    DateTimeOffset? NextDueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version);
