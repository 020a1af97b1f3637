namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>Sums funnel counter rows into a run's totals and per-step counts.</summary>
internal sealed class SqliteFunnelBuilder
{
    private readonly Counts _total = new();
    private readonly Dictionary<string, Counts> _steps = new(StringComparer.Ordinal);

    /// <summary>Adds one stored counter; <paramref name="activityId"/> '' is the run as a whole.</summary>
    public void Add(string activityId, FunnelCounter counter, string reason, long value)
    {
        _total.Add(counter, reason, value);
        if (activityId.Length > 0)
        {
            if (!_steps.TryGetValue(activityId, out var step))
            {
                _steps[activityId] = step = new Counts();
            }

            step.Add(counter, reason, value);
        }
    }

    public RunFunnel Build(string runId) =>
        new(runId, _total.Build(), _steps.ToDictionary(s => s.Key, s => s.Value.Build(), StringComparer.Ordinal));

    private sealed class Counts
    {
        private readonly long[] _values = new long[Enum.GetValues<FunnelCounter>().Length];
        private readonly Dictionary<string, long> _failed = new(StringComparer.Ordinal);

        public void Add(FunnelCounter counter, string reason, long value)
        {
            _values[(int)counter] += value;
            if (counter == FunnelCounter.Failed)
            {
                var key = reason.Length == 0 ? FunnelCounts.UnspecifiedReason : reason;
                _failed[key] = _failed.GetValueOrDefault(key) + value;
            }
        }

        public FunnelCounts Build() => new(
            _values[(int)FunnelCounter.Enrolled],
            _values[(int)FunnelCounter.Sent],
            _values[(int)FunnelCounter.Delivered],
            _values[(int)FunnelCounter.Seen],
            _values[(int)FunnelCounter.Replied],
            _values[(int)FunnelCounter.TimedOut],
            _values[(int)FunnelCounter.Completed],
            new Dictionary<string, long>(_failed, StringComparer.Ordinal));
    }
}
