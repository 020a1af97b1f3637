using System.Diagnostics.Metrics;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Runtime.Storage.Sqlite;
using JourneyPlugin.Workflows.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Tests.Storage;

/// <summary>
/// Every group commit reports how many writes it carried and how long the writer spent on it, and
/// whether it had to run its writes again, each in a savepoint, to undo one that failed half way.
/// </summary>
public sealed class CommitMetricsTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose()
    {
        _services.Dispose();
        _db.Dispose();
    }

    private IMeterFactory Meters => _services.GetRequiredService<IMeterFactory>();

    /// <summary>A store of its own that reports to <see cref="Meters"/>, with the numbers table.</summary>
    private async Task<SqliteStorage> MeteredStorageAsync()
    {
        var storage = new SqliteStorage(
            Options.Create(new SqliteStorageOptions { DataDirectory = Path.Combine(_db.Directory, "metered") }), TimeProvider.System, meterFactory: Meters);
        await NumbersTable.CreateAsync(storage.Database);
        return storage;
    }

    [Fact]
    public async Task Each_commit_records_its_writes_and_the_time_the_writer_spent_on_it()
    {
        using var writes = new MetricCollector<int>(Meters, JourneyPluginMeter.Name, "journeyplugin.storage.commit.writes");
        using var duration = new MetricCollector<double>(Meters, JourneyPluginMeter.Name, "journeyplugin.storage.commit.duration");
        using var storage = await MeteredStorageAsync();
        var database = storage.Database;

        // A write that holds the writer for 100 ms while 20 others queue behind it: they share the next commit.
        using var holding = new ManualResetEventSlim();
        var blocker = Task.Run(() => database.WriteAsync(WriteDurability.Normal, t =>
        {
            holding.Set();
            Thread.Sleep(100);
            return NumbersTable.Insert(t, -1);
        }, default));
        holding.Wait();
        var queued = Enumerable.Range(0, 20).Select(i => database.WriteAsync(WriteDurability.Full, t => NumbersTable.Insert(t, i), default)).ToList();
        await blocker;
        await Task.WhenAll(queued);

        Assert.Equal([1, 1, 20], writes.GetMeasurementSnapshot().Select(m => m.Value));
        var times = duration.GetMeasurementSnapshot().Select(m => m.Value).ToList();
        Assert.Equal(3, times.Count);
        Assert.InRange(times[1], 0.1, 30);
        Assert.All(times, t => Assert.True(t >= 0));
    }

    [Theory]
    [InlineData("reads, then fails", 0)]
    [InlineData("inserts, then fails", 1)]
    [InlineData("inserts, then SQLite refuses its next statement", 1)]
    public async Task A_commit_runs_again_in_savepoints_only_when_a_failed_write_had_changed_rows(string failing, int retries)
    {
        using var retried = new MetricCollector<long>(Meters, JourneyPluginMeter.Name, "journeyplugin.storage.commit.retries");
        using var storage = await MeteredStorageAsync();
        var database = storage.Database;

        // Ten writes queued behind one that holds the writer share the next commit; the fourth fails.
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = Task.Run(() => database.WriteAsync(WriteDurability.Normal, t =>
        {
            holding.Set();
            release.Wait();
            return NumbersTable.Insert(t, -1);
        }, default));
        holding.Wait();
        var runs = new int[10];
        var queued = Enumerable.Range(0, 10).Select(i => database.WriteAsync(WriteDurability.Full, t =>
        {
            runs[i]++;
            if (i != 3)
            {
                return NumbersTable.Insert(t, i);
            }

            switch (failing)
            {
                case "reads, then fails":
                    NumbersTable.Read(t.Connection!);
                    throw new InvalidOperationException("refused");
                case "inserts, then fails":
                    NumbersTable.Insert(t, i);
                    throw new InvalidOperationException("refused");
                default:
                    NumbersTable.Insert(t, i);
                    using (var invalid = t.Command("INSERT INTO numbers (n) VALUES (NULL);"))
                    {
                        return invalid.ExecuteNonQuery();
                    }
            }
        }, default)).ToList();
        release.Set();
        await blocker;
        await Task.WhenAll(queued.Select(q => q.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.All(queued.Where((_, i) => i != 3), q => Assert.True(q.IsCompletedSuccessfully));
        Assert.True(queued[3].IsFaulted);
        Assert.Equal([-1, .. Enumerable.Range(0, 10).Where(i => i != 3)], await database.ReadAsync(NumbersTable.Read, default));
        Assert.Equal(retries, retried.GetMeasurementSnapshot().Sum(m => m.Value));

        // Run again from the start, the writes up to the failed one twice; those after it once.
        Assert.Equal(Enumerable.Range(0, 10).Select(i => i <= 3 ? 1 + retries : 1), runs);
    }
}
