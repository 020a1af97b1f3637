namespace JourneyPlugin.Runtime.Storage;

/// <summary>A journey instance as stored.</summary>
/// <param name="InstanceId">The instance id, derived from (run or trigger, customer).</param>
/// <param name="DefinitionId">The journey's definition id.</param>
/// <param name="RunId">The campaign run; <see langword="null"/> for event-triggered instances.</param>
/// <param name="CustomerKey">The customer the instance is for.</param>
/// <param name="Status">Where the instance is (the workflow status name); opaque to the store.</param>
/// <param name="StateJson">The serialised <c>WorkflowState</c>; opaque to the store.</param>
/// <param name="NextDueAt">When its earliest timer is due, if any (indexed for <see cref="IJourneyInstanceStore.FindDueAsync"/>).</param>
/// <param name="WaitingOn">Hashes of the stimulus bookmarks it waits on; timers are not listed here.</param>
/// <param name="CreatedAt">When the instance started.</param>
/// <param name="UpdatedAt">When the instance last changed.</param>
/// <param name="Version">The stored version, for the next <see cref="IJourneyInstanceStore.SaveAsync(StoredInstance, long, CancellationToken)"/>; 0 for a new instance.</param>
public sealed record StoredInstance(
    string InstanceId,
    string DefinitionId,
    string? RunId,
    string CustomerKey,
    string Status,
    string StateJson,
    DateTimeOffset? NextDueAt,
    IReadOnlyList<string> WaitingOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version = 0);
