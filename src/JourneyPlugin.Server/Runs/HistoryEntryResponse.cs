namespace JourneyPlugin.Server.Runs;

/// <summary>One executed step of an instance.</summary>
/// <param name="ActivityId">The step's activity id.</param>
/// <param name="ActivityType">The activity type.</param>
/// <param name="Name">The step's display name in the journey, if it still has the step.</param>
/// <param name="Outcome">The outcome it completed with, the most specific when several (a reply wait gives <c>Replied</c> and then <c>Yes please</c>); null while it waits.</param>
/// <param name="Outcomes">Every outcome it completed with.</param>
/// <param name="At">When.</param>
/// <param name="Message">A note, e.g. the reason of a failure.</param>
internal sealed record HistoryEntryResponse(string ActivityId, string ActivityType, string? Name, string? Outcome, IReadOnlyList<string> Outcomes, DateTimeOffset At, string? Message);
