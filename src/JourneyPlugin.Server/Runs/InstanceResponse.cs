using System.Text.Json.Nodes;

namespace JourneyPlugin.Server.Runs;

/// <summary>One journey instance with its history, its waits and its variables.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="RunId">The campaign run; null for an event-triggered instance.</param>
/// <param name="JourneyId">The journey's definition id.</param>
/// <param name="CustomerId">The customer's key.</param>
/// <param name="Status">Where it is.</param>
/// <param name="CurrentActivityId">The step it waits in, or the last step it ran.</param>
/// <param name="NextDueAt">When its next timer fires, if any.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Fault">Why it faulted, if it did.</param>
/// <param name="History">The steps it ran, oldest first (the most recent ones when the history is long).</param>
/// <param name="Bookmarks">What it waits for: replies and timers.</param>
/// <param name="Variables">The journey's variables.</param>
internal sealed record InstanceResponse(
    string InstanceId,
    string? RunId,
    string JourneyId,
    string CustomerId,
    string Status,
    string? CurrentActivityId,
    DateTimeOffset? NextDueAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    InstanceFaultResponse? Fault,
    IReadOnlyList<HistoryEntryResponse> History,
    IReadOnlyList<BookmarkResponse> Bookmarks,
    IReadOnlyDictionary<string, JsonNode?> Variables);
