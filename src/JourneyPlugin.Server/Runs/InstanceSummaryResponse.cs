namespace JourneyPlugin.Server.Runs;

/// <summary>A journey instance in a run's list.</summary>
/// <param name="InstanceId">The instance id (<c>&lt;run&gt;/&lt;customer&gt;</c>).</param>
/// <param name="CustomerId">The customer's key in the audience (its id column, else the phone).</param>
/// <param name="Status"><c>Running</c>, <c>Suspended</c> (waiting), <c>Finished</c>, <c>Faulted</c> or <c>Cancelled</c>.</param>
/// <param name="CurrentActivityId">The step it waits in, or the last step it ran.</param>
/// <param name="NextDueAt">When its next timer fires, if any.</param>
/// <param name="CreatedAt">When it was enrolled.</param>
/// <param name="UpdatedAt">When it last changed.</param>
internal sealed record InstanceSummaryResponse(
    string InstanceId,
    string CustomerId,
    string Status,
    string? CurrentActivityId,
    DateTimeOffset? NextDueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
