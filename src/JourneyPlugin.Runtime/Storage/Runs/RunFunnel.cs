namespace JourneyPlugin.Runtime.Storage;

/// <summary>A run's funnel.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Total">
/// The run's totals: the counters incremented for the run as a whole plus those of all its steps
/// (so increment each event once, at the finest level known).
/// </param>
/// <param name="Steps">The counts per step (activity id), for the counters incremented with a step.</param>
public sealed record RunFunnel(string RunId, FunnelCounts Total, IReadOnlyDictionary<string, FunnelCounts> Steps);
