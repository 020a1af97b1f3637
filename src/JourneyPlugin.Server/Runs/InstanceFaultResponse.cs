namespace JourneyPlugin.Server.Runs;

/// <summary>Why an instance faulted.</summary>
/// <param name="ActivityId">The step, if known.</param>
/// <param name="Message">What went wrong.</param>
/// <param name="At">When.</param>
internal sealed record InstanceFaultResponse(string? ActivityId, string Message, DateTimeOffset At);
