namespace JourneyPlugin.Runtime.Storage;

/// <summary>One increment of a funnel counter.</summary>
/// <param name="RunId">The run.</param>
/// <param name="ActivityId">The step, or <see langword="null"/> for the run as a whole.</param>
/// <param name="Counter">The counter.</param>
/// <param name="Reason">For <see cref="FunnelCounter.Failed"/>: why.</param>
/// <param name="Delta">How much to add; not negative.</param>
public sealed record FunnelIncrement(string RunId, string? ActivityId, FunnelCounter Counter, string? Reason = null, long Delta = 1);
