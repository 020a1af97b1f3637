using JourneyPlugin.Runtime.Storage;

namespace JourneyPlugin.Runtime.Tests.Storage;

/// <summary>A funnel count commits with the change it counts, or not at all.</summary>
public sealed class FunnelAtomicityTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task An_instance_save_adds_its_funnel_counts_and_a_conflicting_save_adds_none()
    {
        await _db.Storage.Runs.CreateAsync("run-1", "welcome", "promo", null);
        var instance = JourneyInstanceStoreTests.Instance("i-1");

        var version = await _db.Storage.Instances.SaveAsync(instance, 0, [new FunnelIncrement("run-1", null, FunnelCounter.Enrolled)]);
        await _db.Storage.Instances.SaveAsync(instance, version, [new FunnelIncrement("run-1", "send-1", FunnelCounter.Sent)]);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _db.Storage.Instances.SaveAsync(instance, version, [new FunnelIncrement("run-1", "send-1", FunnelCounter.Sent)]));

        var funnel = await _db.Storage.Runs.GetFunnelAsync("run-1");
        Assert.Equal(1, funnel.Total.Enrolled);
        Assert.Equal(1, funnel.Total.Sent);
        Assert.Equal(1, funnel.Steps["send-1"].Sent);
    }

    [Fact]
    public async Task A_batch_insert_stores_and_counts_only_the_instances_that_were_new()
    {
        await _db.Storage.Runs.CreateAsync("run-1", "welcome", "promo", null);
        await _db.Storage.Instances.SaveAsync(JourneyInstanceStoreTests.Instance("i-2", status: "Finished"), 0);
        StoredInstance[] batch =
        [
            JourneyInstanceStoreTests.Instance("i-1", status: "Running", dueAt: TestDatabase.Start),
            JourneyInstanceStoreTests.Instance("i-2", status: "Running"),
            JourneyInstanceStoreTests.Instance("i-3", waitingOn: ["h"]),
            JourneyInstanceStoreTests.Instance("i-3", status: "Other"),
        ];

        var inserted = await _db.Storage.Instances.InsertNewAsync(batch, i => [new FunnelIncrement(i.RunId!, null, FunnelCounter.Enrolled), new FunnelIncrement(i.RunId!, "send-1", FunnelCounter.Sent, Delta: 2)]);

        Assert.Equal(["i-1", "i-3"], inserted.Order(StringComparer.Ordinal));
        Assert.Equal(("Running", 1L, (DateTimeOffset?)TestDatabase.Start), await Row("i-1"));
        Assert.Equal(("Finished", 1L, (DateTimeOffset?)null), await Row("i-2"));
        Assert.Equal(("Suspended", 1L, (DateTimeOffset?)null), await Row("i-3"));
        Assert.Equal(["i-3"], await _db.Storage.Instances.FindWaitingAsync("h"));
        var funnel = await _db.Storage.Runs.GetFunnelAsync("run-1");
        Assert.Equal(2, funnel.Total.Enrolled);
        Assert.Equal(4, funnel.Steps["send-1"].Sent);

        async Task<(string, long, DateTimeOffset?)> Row(string id) =>
            await _db.Storage.Instances.GetAsync(id) is { } row ? (row.Status, row.Version, row.NextDueAt) : default;
    }

    [Fact]
    public async Task Counts_for_a_run_that_is_gone_are_skipped_without_failing_the_save()
    {
        var version = await _db.Storage.Instances.SaveAsync(JourneyInstanceStoreTests.Instance("i-2", runId: "gone"), 0, [new FunnelIncrement("gone", null, FunnelCounter.Enrolled)]);

        Assert.Equal(1, version);
        Assert.NotNull(await _db.Storage.Instances.GetAsync("i-2"));
    }

    [Fact]
    public async Task Delivery_reports_and_their_funnel_counts_commit_together_and_a_replay_counts_nothing()
    {
        await _db.Storage.Runs.CreateAsync("run-1", "welcome", "promo", null);
        await _db.Storage.Ledger.ReserveAsync(SendLedgerTests.Reservation("m-1"));
        await _db.Storage.Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Accepted, "PENDING_ENROUTE", null, TestDatabase.Start);
        IReadOnlyList<DeliveryReport> reports = [new("m-1", DeliveryStatus.Delivered, TestDatabase.Start.AddSeconds(5))];

        static IReadOnlyList<FunnelIncrement> Count(IReadOnlyList<DeliveryUpdateResult> results) =>
            results.Where(r => r.Changed && r.RunId is not null).Select(r => new FunnelIncrement(r.RunId!, r.ActivityId, FunnelCounter.Delivered)).ToList();

        await _db.Storage.Ledger.ApplyDeliveryReportsAsync(reports, Count);
        await _db.Storage.Ledger.ApplyDeliveryReportsAsync(reports, Count);

        Assert.Equal(1, (await _db.Storage.Runs.GetFunnelAsync("run-1")).Steps["send-1"].Delivered);

        // A failure while counting rolls the ledger change back too: the report is applied again later, and counted then.
        await _db.Storage.Ledger.ReserveAsync(SendLedgerTests.Reservation("m-2"));
        await _db.Storage.Ledger.RecordOutcomeAsync("m-2", LedgerSendState.Accepted, "PENDING_ENROUTE", null, TestDatabase.Start);
        IReadOnlyList<DeliveryReport> second = [new("m-2", DeliveryStatus.Delivered, TestDatabase.Start.AddSeconds(6))];
        await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Storage.Ledger.ApplyDeliveryReportsAsync(second, _ => throw new InvalidOperationException("crash")));
        var retried = await _db.Storage.Ledger.ApplyDeliveryReportsAsync(second, Count);

        Assert.True(Assert.Single(retried).Changed);
        Assert.Equal(2, (await _db.Storage.Runs.GetFunnelAsync("run-1")).Steps["send-1"].Delivered);
    }
}
