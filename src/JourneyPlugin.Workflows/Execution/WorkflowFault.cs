namespace JourneyPlugin.Workflows.Execution;

/// <summary>Why a journey instance stopped: the step and a message for the user.</summary>
/// <param name="ActivityId">The step, when one failed.</param>
/// <param name="Message">What went wrong.</param>
/// <param name="At">When.</param>
public sealed record WorkflowFault(string? ActivityId, string Message, DateTimeOffset At);
