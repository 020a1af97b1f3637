using System.Diagnostics.Metrics;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Runtime.Storage.Sqlite;
using JourneyPlugin.Workflows.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Tests.Storage;

/// <summary>Every group commit reports how many writes it carried and how long the writer spent on it.</summary>
public sealed class CommitMetricsTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose()
    {
        _services.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task Each_commit_records_its_writes_and_the_time_the_writer_spent_on_it()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        using var writes = new MetricCollector<int>(meters, JourneyPluginMeter.Name, "journeyplugin.storage.commit.writes");
        using var duration = new MetricCollector<double>(meters, JourneyPluginMeter.Name, "journeyplugin.storage.commit.duration");
        using var storage = new SqliteStorage(
            Options.Create(new SqliteStorageOptions { DataDirectory = Path.Combine(_db.Directory, "metered") }), TimeProvider.System, meterFactory: meters);
        var database = storage.Database;
        await NumbersTable.CreateAsync(database);

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
}
