using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Tests.Storage;

/// <summary>
/// Writes that queue while another commits share the next transaction: one that fails keeps none of
/// its changes and leaves the others committed; one cancelled before a committer took it never runs;
/// the writer's connection is not closed under a running commit.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private SqliteDatabase Database => _db.Storage.Database;

    [Fact]
    public async Task Writes_queued_behind_a_commit_share_one_transaction_and_a_failing_one_changes_nothing()
    {
        await NumbersTable.CreateAsync(Database);
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        SqliteTransaction? first = null;

        // The first write holds the gate until the others are queued behind it.
        var blocker = Task.Run(() => Database.WriteAsync(WriteDurability.Normal, t =>
        {
            first = t;
            NumbersTable.Insert(t, -1);
            holding.Set();
            release.Wait();
            return 0;
        }, default));
        holding.Wait();
        var transactions = new SqliteTransaction?[20];
        var queued = Enumerable.Range(0, 20).Select(i => Database.WriteAsync(WriteDurability.Full, t =>
        {
            transactions[i] = t;
            NumbersTable.Insert(t, i);
            return i % 7 == 3 ? throw new InvalidOperationException($"write {i} fails") : i;
        }, default)).ToList();
        release.Set();
        await blocker;

        for (var i = 0; i < queued.Count; i++)
        {
            if (i % 7 == 3)
            {
                var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => queued[i]);
                Assert.Equal($"write {i} fails", failure.Message);
            }
            else
            {
                Assert.Equal(i, await queued[i]);
            }
        }

        Assert.All(transactions, t => Assert.Same(transactions[0], t));
        Assert.NotSame(first, transactions[0]);
        var stored = await Database.ReadAsync(NumbersTable.Read, default);
        Assert.Equal([-1, .. Enumerable.Range(0, 20).Where(i => i % 7 != 3)], stored);
    }

    [Fact]
    public async Task A_write_cancelled_while_queued_never_runs()
    {
        await NumbersTable.CreateAsync(Database);
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = Task.Run(() => Database.WriteAsync(WriteDurability.Normal, t =>
        {
            holding.Set();
            release.Wait();
            return NumbersTable.Insert(t, 1);
        }, default));
        holding.Wait();
        using var cancel = new CancellationTokenSource();
        var cancelled = Database.WriteAsync(WriteDurability.Normal, t => NumbersTable.Insert(t, 2), cancel.Token);
        var kept = Database.WriteAsync(WriteDurability.Normal, t => NumbersTable.Insert(t, 3), default);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        release.Set();
        await blocker;
        await kept;

        Assert.Equal([1, 3], await Database.ReadAsync(NumbersTable.Read, default));
    }

    [Fact]
    public async Task Funnel_counts_of_writes_that_share_a_commit_add_up_and_a_failing_write_counts_nothing()
    {
        await _db.Storage.Runs.CreateAsync("run-1", "welcome", "promo", null);
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = Task.Run(() => Database.WriteAsync(WriteDurability.Normal, t =>
        {
            SqliteFunnelCounters.Add(t, [new FunnelIncrement("run-1", null, FunnelCounter.Enrolled, Delta: 100)]);
            holding.Set();
            release.Wait();
            return 0;
        }, default));
        holding.Wait();
        var queued = Enumerable.Range(0, 20).Select(i => Database.WriteAsync(WriteDurability.Normal, t =>
        {
            SqliteFunnelCounters.Add(t, [new FunnelIncrement("run-1", "send-1", FunnelCounter.Sent), new FunnelIncrement("run-1", null, FunnelCounter.Completed, Delta: i)]);
            return i % 5 == 2 ? throw new InvalidOperationException($"write {i} fails") : i;
        }, default)).ToList();
        release.Set();
        await blocker;
        await Task.WhenAll(queued.Select(q => q.ContinueWith(_ => { }, TaskScheduler.Default)));

        var succeeded = Enumerable.Range(0, 20).Where(i => i % 5 != 2).ToList();
        Assert.Equal(succeeded.Count, queued.Count(q => q.IsCompletedSuccessfully));
        var funnel = await _db.Storage.Runs.GetFunnelAsync("run-1");
        Assert.Equal(100, funnel.Total.Enrolled);
        Assert.Equal(succeeded.Count, funnel.Steps["send-1"].Sent);
        Assert.Equal(succeeded.Sum(), funnel.Total.Completed);
    }

    [Fact]
    public async Task Disposing_during_a_commit_lets_it_finish_and_then_closes_the_file()
    {
        await NumbersTable.CreateAsync(Database);
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var running = Task.Run(() => Database.WriteAsync(WriteDurability.Full, t =>
        {
            holding.Set();
            release.Wait();
            return NumbersTable.Insert(t, 1);
        }, default));
        holding.Wait();

        _db.Storage.Dispose();
        release.Set();

        Assert.Equal(1, await running);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Database.WriteAsync(WriteDurability.Normal, t => NumbersTable.Insert(t, 2), default));

        // The last connection closed: SQLite checkpointed the WAL into the file and removed it.
        Assert.False(File.Exists(Database.Path + "-wal"));
        var reopened = _db.Open();
        Assert.Equal([1], await reopened.Database.ReadAsync(NumbersTable.Read, default));
    }
}
