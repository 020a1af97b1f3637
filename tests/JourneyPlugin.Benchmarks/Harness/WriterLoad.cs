using System.Diagnostics.Metrics;

namespace JourneyPlugin.Benchmarks.Harness;

/// <summary>
/// Sums the store's group commits as the server reports them (<c>journeyplugin.storage.commit.*</c>):
/// over a phase, the share of its time the one SQLite writer was busy, and the writes a commit carried.
/// </summary>
internal sealed class WriterLoad : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _lock = new();
    private double _busySeconds;
    private long _commits;
    private long _writes;

    public WriterLoad(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name is "journeyplugin.storage.commit.duration" or "journeyplugin.storage.commit.writes")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            lock (_lock)
            {
                _busySeconds += seconds;
                _commits++;
            }
        });
        _listener.SetMeasurementEventCallback<int>((_, writes, _, _) =>
        {
            lock (_lock)
            {
                _writes += writes;
            }
        });
        _listener.Start();
    }

    /// <summary>The totals so far; subtract two to get a phase's.</summary>
    public Sample Read()
    {
        lock (_lock)
        {
            return new(_busySeconds, _commits, _writes);
        }
    }

    public void Dispose() => _listener.Dispose();

    public readonly record struct Sample(double BusySeconds, long Commits, long Writes)
    {
        public double WritesPerCommit => Writes / (double)Math.Max(1, Commits);

        public static Sample operator -(Sample after, Sample before) =>
            new(after.BusySeconds - before.BusySeconds, after.Commits - before.Commits, after.Writes - before.Writes);

        public double BusyShareOf(TimeSpan elapsed) => BusySeconds / elapsed.TotalSeconds;
    }
}
