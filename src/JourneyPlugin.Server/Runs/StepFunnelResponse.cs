namespace JourneyPlugin.Server.Runs;

/// <summary>The funnel of one step of a run's journey.</summary>
/// <param name="ActivityId">The step's activity id.</param>
/// <param name="Name">The step's display name in the journey; null when the journey no longer has it.</param>
/// <param name="Type">The activity type; null when the journey no longer has the step.</param>
/// <param name="Funnel">Its counts.</param>
internal sealed record StepFunnelResponse(string ActivityId, string? Name, string? Type, FunnelResponse Funnel);
