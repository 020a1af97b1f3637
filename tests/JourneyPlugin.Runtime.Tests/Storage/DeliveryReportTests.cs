using JourneyPlugin.Runtime.Storage;

namespace JourneyPlugin.Runtime.Tests.Storage;

public sealed class DeliveryReportTests : IDisposable
{
    private readonly TestDatabase _db = new();

    private ISendLedger Ledger => _db.Storage.Ledger;

    public void Dispose() => _db.Dispose();

    private static DeliveryReport Report(string messageId, DeliveryStatus status, int minute = 1) =>
        new(messageId, status, TestDatabase.Start.AddMinutes(minute)) { VendorStatus = status.ToString().ToUpperInvariant() };

    private async Task<LedgerEntry> AcceptedAsync(string messageId)
    {
        await Ledger.ReserveAsync(SendLedgerTests.Reservation(messageId));
        return await Ledger.RecordOutcomeAsync(messageId, LedgerSendState.Accepted, "PENDING_ENROUTE", null, TestDatabase.Start);
    }

    [Fact]
    public async Task Statuses_move_forward_and_say_what_changed()
    {
        await AcceptedAsync("m-1");

        var pending = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Pending));
        var delivered = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Delivered, 2));
        var seen = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Seen, 3));

        Assert.Equal(new DeliveryUpdateResult("m-1", DeliveryUpdateKind.Advanced, DeliveryStatus.None, DeliveryStatus.Pending, true, false, "instance-m-1", "run-1", "send-1"), pending);
        Assert.Equal((DeliveryStatus.Pending, DeliveryStatus.Delivered, false), (delivered.OldStatus, delivered.NewStatus, delivered.IsFirstReport));
        Assert.Equal((DeliveryUpdateKind.Advanced, DeliveryStatus.Seen), (seen.Kind, seen.NewStatus));
        var entry = await Ledger.GetAsync("m-1");
        Assert.Equal((DeliveryStatus.Seen, "SEEN", 3, TestDatabase.Start.AddMinutes(3)), (entry!.DeliveryStatus, entry.VendorStatus, entry.DeliveryReports, entry.DeliveryStatusAt));
    }

    [Fact]
    public async Task Duplicates_and_late_reports_are_harmless()
    {
        await AcceptedAsync("m-1");

        var seen = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Seen, 5));
        var lateDelivered = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Delivered, 4));
        var latePending = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Pending, 3));
        var duplicate = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Seen, 5));
        var failureAfterSeen = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Failed, 6));

        Assert.Equal((DeliveryUpdateKind.Advanced, DeliveryStatus.None, DeliveryStatus.Seen, true), (seen.Kind, seen.OldStatus, seen.NewStatus, seen.IsFirstReport));
        Assert.All([lateDelivered, latePending, duplicate, failureAfterSeen], r =>
        {
            Assert.Equal(DeliveryUpdateKind.Ignored, r.Kind);
            Assert.False(r.Changed);
            Assert.Equal((DeliveryStatus.Seen, DeliveryStatus.Seen, false), (r.OldStatus, r.NewStatus, r.IsFirstReport));
        });
        var entry = await Ledger.GetAsync("m-1");
        Assert.Equal((DeliveryStatus.Seen, "SEEN", 5, TestDatabase.Start.AddMinutes(5)), (entry!.DeliveryStatus, entry.VendorStatus, entry.DeliveryReports, entry.DeliveryStatusAt));
    }

    [Fact]
    public async Task Failed_is_taken_from_pending_and_is_final()
    {
        await AcceptedAsync("m-1");
        await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Pending));

        var failed = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Failed, 2) with { ErrorCode = "EC_UNDELIVERABLE", Detail = "Not a WhatsApp user" });
        var deliveredAfter = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Delivered, 3));
        var seenAfter = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Seen, 4));

        Assert.Equal((DeliveryUpdateKind.Advanced, DeliveryStatus.Failed), (failed.Kind, failed.NewStatus));
        Assert.Equal((DeliveryUpdateKind.Ignored, DeliveryStatus.Failed), (deliveredAfter.Kind, deliveredAfter.NewStatus));
        Assert.Equal(DeliveryUpdateKind.Ignored, seenAfter.Kind);
        var entry = await Ledger.GetAsync("m-1");
        Assert.Equal((DeliveryStatus.Failed, "EC_UNDELIVERABLE", "Not a WhatsApp user"), (entry!.DeliveryStatus, entry.ErrorCode, entry.Detail));
    }

    [Theory]
    [InlineData(DeliveryStatus.None, DeliveryStatus.Pending, DeliveryStatus.Pending)]
    [InlineData(DeliveryStatus.None, DeliveryStatus.Seen, DeliveryStatus.Seen)]
    [InlineData(DeliveryStatus.None, DeliveryStatus.Failed, DeliveryStatus.Failed)]
    [InlineData(DeliveryStatus.Pending, DeliveryStatus.Failed, DeliveryStatus.Failed)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Failed, DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Pending, DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Seen, DeliveryStatus.Delivered, DeliveryStatus.Seen)]
    [InlineData(DeliveryStatus.Failed, DeliveryStatus.Seen, DeliveryStatus.Failed)]
    [InlineData(DeliveryStatus.Pending, DeliveryStatus.None, DeliveryStatus.Pending)]
    public void The_rules_only_move_forward(DeliveryStatus current, DeliveryStatus reported, DeliveryStatus expected) =>
        Assert.Equal(expected, DeliveryStatusRules.Apply(current, reported));

    [Fact]
    public async Task Reports_for_unknown_messages_are_stored_as_orphans()
    {
        var report = Report("not-ours", DeliveryStatus.Delivered) with { Recipient = "84900000000", ErrorCode = "NO_ERROR" };

        var result = await Ledger.ApplyDeliveryReportAsync(report);

        Assert.Equal(DeliveryUpdateKind.Orphan, result.Kind);
        Assert.Equal((null, null, null), (result.InstanceId, result.RunId, result.ActivityId));
        Assert.Null(await Ledger.GetAsync("not-ours"));
        var orphans = await Ledger.ListOrphanReportsAsync(0, 10);
        Assert.Equal([new OrphanDeliveryReport(report, TestDatabase.Start)], orphans);
    }

    [Fact]
    public async Task A_report_is_evidence_that_settles_an_unknown_send()
    {
        await Ledger.ReserveAsync(SendLedgerTests.Reservation("m-1"));
        await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Unknown, null, "timeout", TestDatabase.Start);
        _db.Time.Advance(TimeSpan.FromMinutes(3));

        var result = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Delivered));
        var again = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Seen));

        Assert.True(result.SettledByEvidence);
        Assert.False(again.SettledByEvidence);

        // Both say the send is known accepted from evidence, so a journey not told the first time is told again.
        Assert.Equal((true, true), (result.AcceptedByEvidence, again.AcceptedByEvidence));
        var entry = await Ledger.GetAsync("m-1");
        Assert.Equal(
            (LedgerSendState.Accepted, SettlementDecision.EvidenceOfDelivery, TestDatabase.Start.AddMinutes(3)),
            (entry!.SendState, entry.Settlement, entry.SettledAt));
        Assert.Empty(await Ledger.FindUnsettledAsync(TestDatabase.Start.AddYears(1), 10));
        Assert.Equal(
            [new LedgerSettlement("m-1", SettlementDecision.EvidenceOfDelivery, LedgerSendState.Unknown, TestDatabase.Start.AddMinutes(3))],
            await Ledger.GetSettlementsAsync("m-1"));

        // The evidence is final: a late unknown answer does not reopen it.
        var late = await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Unknown, null, "timeout", TestDatabase.Start.AddMinutes(4));
        Assert.Equal(LedgerSendState.Accepted, late.SendState);
    }

    [Theory]
    [InlineData(LedgerSendState.Reserved)]
    [InlineData(LedgerSendState.Rejected)]
    public async Task A_failure_report_is_evidence_too(LedgerSendState before)
    {
        await Ledger.ReserveAsync(SendLedgerTests.Reservation("m-1"));
        if (before == LedgerSendState.Rejected)
        {
            await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Rejected, null, null, TestDatabase.Start);
        }

        var result = await Ledger.ApplyDeliveryReportAsync(Report("m-1", DeliveryStatus.Failed));

        Assert.True(result.SettledByEvidence);
        Assert.Equal(LedgerSendState.Accepted, (await Ledger.GetAsync("m-1"))!.SendState);
        Assert.Equal(before, Assert.Single(await Ledger.GetSettlementsAsync("m-1")).SendStateBefore);
    }

    [Fact]
    public async Task A_batch_is_applied_in_order_in_one_transaction()
    {
        for (var i = 0; i < 50; i++)
        {
            await AcceptedAsync($"m-{i}");
        }

        var batch = new List<DeliveryReport>();
        for (var i = 0; i < 50; i++)
        {
            batch.Add(Report($"m-{i}", DeliveryStatus.Delivered));
            batch.Add(Report($"m-{i}", DeliveryStatus.Delivered));   // duplicate in the same batch
            batch.Add(Report($"m-{i}", i % 2 == 0 ? DeliveryStatus.Seen : DeliveryStatus.Pending));
        }

        batch.Add(Report("stranger", DeliveryStatus.Seen));

        var results = await Ledger.ApplyDeliveryReportsAsync(batch);

        Assert.Equal(batch.Count, results.Count);
        Assert.Equal(batch.Select(r => r.MessageId), results.Select(r => r.MessageId));
        Assert.Equal(50 + 25, results.Count(r => r.Changed));
        Assert.Equal(50, results.Count(r => r.IsFirstReport));
        Assert.Equal(DeliveryUpdateKind.Orphan, results[^1].Kind);
        Assert.Equal(DeliveryStatus.Seen, (await Ledger.GetAsync("m-0"))!.DeliveryStatus);
        Assert.Equal(DeliveryStatus.Delivered, (await Ledger.GetAsync("m-1"))!.DeliveryStatus);
        Assert.Empty(await Ledger.ApplyDeliveryReportsAsync([]));
    }

    [Fact]
    public async Task An_invalid_report_in_a_batch_rejects_the_whole_batch_before_any_write()
    {
        await AcceptedAsync("m-1");

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ApplyDeliveryReportsAsync(
            [Report("m-1", DeliveryStatus.Delivered), Report("", DeliveryStatus.Seen)]));

        Assert.Equal("reports[1].MessageId", error.ParamName);
        Assert.Equal(DeliveryStatus.None, (await Ledger.GetAsync("m-1"))!.DeliveryStatus);
        Assert.Equal("reports[0].Status", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ApplyDeliveryReportsAsync([Report("m-1", DeliveryStatus.None)]))).ParamName);
        Assert.Equal("reports[0]", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ApplyDeliveryReportsAsync([null!]))).ParamName);
        Assert.Equal("reports", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ApplyDeliveryReportsAsync(null!))).ParamName);
        Assert.Equal("report", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ApplyDeliveryReportAsync(null!))).ParamName);
    }
}
