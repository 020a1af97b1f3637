namespace JourneyPlugin.Server.Cli.DryRun;

/// <summary>One line of a customer's path: a step that completed, or a reply the customer wrote.</summary>
/// <param name="At">The simulated time.</param>
/// <param name="ActivityId">The step; null for a reply.</param>
/// <param name="Outcomes">The step's outcomes.</param>
/// <param name="Outputs">The step's outputs as they were when it completed (e.g. the message id of a send).</param>
/// <param name="Note">The step's note (e.g. a failure's reason) or the reply's text.</param>
internal sealed record PathEvent(DateTimeOffset At, string? ActivityId, IReadOnlyList<string> Outcomes, IReadOnlyDictionary<string, string?> Outputs, string? Note);
