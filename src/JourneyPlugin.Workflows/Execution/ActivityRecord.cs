namespace JourneyPlugin.Workflows.Execution;

/// <summary>One step of an instance's history: which activity, how it ended, when.</summary>
/// <param name="ActivityId">The node id.</param>
/// <param name="ActivityType">The activity type.</param>
/// <param name="Outcomes">The outcomes it completed with; empty while it waits.</param>
/// <param name="At">When.</param>
/// <param name="Message">A note (e.g. the reason of a failure), if any.</param>
public sealed record ActivityRecord(string ActivityId, string ActivityType, IReadOnlyList<string> Outcomes, DateTimeOffset At, string? Message = null);
