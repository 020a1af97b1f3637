namespace JourneyPlugin.Workflows.Execution;

/// <summary>An activity due to run next in the current burst.</summary>
/// <param name="ActivityId">The node id.</param>
public sealed record ScheduledActivity(string ActivityId);
