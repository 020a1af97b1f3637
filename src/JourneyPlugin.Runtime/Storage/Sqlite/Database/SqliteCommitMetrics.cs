using System.Diagnostics.Metrics;
using JourneyPlugin.Workflows.Diagnostics;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>
/// The group commit's instruments on the <c>JourneyPlugin</c> meter. The store has one writer, so the
/// commits' summed duration over a period is the share of it the writer was busy: near 1, every durable
/// step (a ledger row before a send, a save) queues for it.
/// </summary>
internal sealed class SqliteCommitMetrics
{
    private readonly Histogram<double> _duration;
    private readonly Histogram<int> _writes;
    private readonly Counter<long> _retries;

    public SqliteCommitMetrics(IMeterFactory meterFactory)
    {
        var meter = JourneyPluginMeter.Create(meterFactory);
        _duration = meter.CreateHistogram(
            "journeyplugin.storage.commit.duration",
            "s",
            "Time the store's one writer spent on a group commit: its writes (run twice when one must be undone) and the commit with its fsync.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
        _writes = meter.CreateHistogram<int>(
            "journeyplugin.storage.commit.writes",
            "{write}",
            "Writes a group commit carried (each a caller's write: a ledger row, a save, a batch's enrolment).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
        _retries = meter.CreateCounter<long>(
            "journeyplugin.storage.commit.retries",
            "{commit}",
            "Group commits run a second time, each write in a savepoint, because one of their writes failed after changing rows.");
    }

    public void Committed(int writes, TimeSpan elapsed)
    {
        _writes.Record(writes);
        _duration.Record(elapsed.TotalSeconds);
    }

    public void Retried() => _retries.Add(1);
}
