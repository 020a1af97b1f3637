using JourneyPlugin.Runtime.Storage;

namespace JourneyPlugin.Runtime.Tests.Storage;

public sealed class CrashSafetyTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Everything_survives_closing_and_reopening_the_file()
    {
        await WriteOneOfEachAsync(_db.Storage);
        _db.Storage.Dispose();

        using var reopened = _db.Open();
        await AssertOneOfEachAsync(reopened);
    }

    [Fact]
    public async Task Committed_writes_are_recovered_from_the_write_ahead_log_after_a_crash()
    {
        await WriteOneOfEachAsync(_db.Storage);
        var path = _db.Storage.DatabasePath;

        // A crash leaves the database and its write-ahead log as they are, with the commits not yet
        // checkpointed into the database: copy both while the writer still holds them open, and never close it first.
        Assert.True(new FileInfo(path + "-wal").Length > 0, "the commits should still be in the write-ahead log");
        var crashed = Path.Combine(_db.Directory, "crashed");
        Directory.CreateDirectory(crashed);
        File.Copy(path, Path.Combine(crashed, Path.GetFileName(path)));
        File.Copy(path + "-wal", Path.Combine(crashed, Path.GetFileName(path) + "-wal"));

        var recovered = _db.Open(crashed);
        await AssertOneOfEachAsync(recovered);

        // And the recovered file takes new writes.
        Assert.Equal(3, await recovered.Instances.SaveAsync(JourneyInstanceStoreTests.Instance("i-1", status: "Finished"), 2));
    }

    [Fact]
    public async Task A_rolled_back_write_leaves_nothing_behind()
    {
        var store = _db.Storage.Instances;
        await store.SaveAsync(JourneyInstanceStoreTests.Instance("i-1", waitingOn: ["h1"]), 0);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(JourneyInstanceStoreTests.Instance("i-1", waitingOn: ["h2"]), 7));
        _db.Storage.Dispose();

        using var reopened = _db.Open();
        Assert.Equal(["i-1"], await reopened.Instances.FindWaitingAsync("h1"));
        Assert.Empty(await reopened.Instances.FindWaitingAsync("h2"));
    }

    private static async Task WriteOneOfEachAsync(Runtime.Storage.Sqlite.SqliteStorage storage)
    {
        await storage.Instances.SaveAsync(JourneyInstanceStoreTests.Instance("i-1", dueAt: TestDatabase.Start, waitingOn: ["reply:1"]), 0);
        await storage.Instances.SaveAsync(JourneyInstanceStoreTests.Instance("i-1", dueAt: TestDatabase.Start, status: "Waiting", waitingOn: ["reply:1"]), 1);
        await storage.Ledger.ReserveAsync(SendLedgerTests.Reservation("m-1"));
        await storage.Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Unknown, null, "timeout", TestDatabase.Start);
        await storage.Ledger.ApplyDeliveryReportAsync(new DeliveryReport("m-1", DeliveryStatus.Delivered, TestDatabase.Start));
        await storage.Conversations.RecordInboundAsync("447860099299", "84912345678", "wamid-1", TestDatabase.Start);
        Assert.True(await storage.Conversations.HoldReplyAsync("reply:2", "{}", TestDatabase.Start.AddHours(1)));
        await storage.Runs.CreateAsync("run-1", "welcome", "promo", null);
        await storage.Runs.UpdateStatusAsync("run-1", RunStatus.Running);
        await storage.Runs.IncrementAsync("run-1", "send-1", FunnelCounter.Sent);
    }

    private static async Task AssertOneOfEachAsync(Runtime.Storage.Sqlite.SqliteStorage storage)
    {
        var instance = await storage.Instances.GetAsync("i-1");
        Assert.Equal(("Waiting", 2L), (instance!.Status, instance.Version));
        Assert.Equal(["i-1"], await storage.Instances.FindWaitingAsync("reply:1"));
        Assert.Single(await storage.Instances.FindDueAsync(TestDatabase.Start, 10));
        var entry = await storage.Ledger.GetAsync("m-1");
        Assert.Equal((LedgerSendState.Accepted, DeliveryStatus.Delivered, SettlementDecision.EvidenceOfDelivery), (entry!.SendState, entry.DeliveryStatus, entry.Settlement));
        Assert.Single(await storage.Ledger.GetSettlementsAsync("m-1"));
        Assert.False(await storage.Conversations.RecordInboundAsync("447860099299", "84912345678", "wamid-1", TestDatabase.Start));
        Assert.Equal(TestDatabase.Start, (await storage.Conversations.GetAsync("447860099299", "84912345678")).LastInboundAt);
        Assert.Single(await storage.Conversations.TakeHeldRepliesAsync("reply:2", TestDatabase.Start));
        Assert.Equal(RunStatus.Running, (await storage.Runs.GetAsync("run-1"))!.Status);
        Assert.Equal(1, (await storage.Runs.GetFunnelAsync("run-1")).Total.Sent);
    }
}
