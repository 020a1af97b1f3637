using JourneyPlugin.Runtime.Storage;

namespace JourneyPlugin.Runtime.Tests.Storage;

public sealed class SendLedgerTests : IDisposable
{
    private readonly TestDatabase _db = new();

    private ISendLedger Ledger => _db.Storage.Ledger;

    public void Dispose() => _db.Dispose();

    internal static LedgerReservation Reservation(string messageId, string? runId = "run-1", string activityId = "send-1") =>
        new(messageId, "instance-" + messageId, runId, activityId, "infobip-main", "84912345678");

    [Fact]
    public async Task Reserve_writes_a_reserved_row_once()
    {
        var first = await Ledger.ReserveAsync(Reservation("m-1"));
        _db.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await Ledger.ReserveAsync(Reservation("m-1"));

        Assert.True(first.IsNewReservation);
        Assert.False(second.IsNewReservation);
        Assert.Equal(first with { IsNewReservation = false }, second);
        Assert.Equal(LedgerSendState.Reserved, second.SendState);
        Assert.Equal(DeliveryStatus.None, second.DeliveryStatus);
        Assert.Equal(("instance-m-1", "run-1", "send-1", "infobip-main", "84912345678"), (second.InstanceId, second.RunId, second.ActivityId, second.Connection, second.Recipient));
        Assert.Equal((0, TestDatabase.Start), (second.Attempts, second.CreatedAt));
        Assert.Null(second.Settlement);
    }

    [Fact]
    public async Task Concurrent_reserves_of_one_message_create_one_row_and_one_owner()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Ledger.ReserveAsync(Reservation("m-1")))));

        Assert.Single(results, r => r.IsNewReservation);
        Assert.False((await Ledger.GetAsync("m-1"))!.IsNewReservation);
    }

    [Fact]
    public async Task A_reserve_after_an_outcome_returns_the_row_unchanged()
    {
        await Ledger.ReserveAsync(Reservation("m-1"));
        var accepted = await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Accepted, "PENDING_ENROUTE", null, TestDatabase.Start.AddSeconds(1));

        var again = await Ledger.ReserveAsync(Reservation("m-1"));

        Assert.Equal(accepted, again);
        Assert.Equal((LedgerSendState.Accepted, 1, "PENDING_ENROUTE"), (again.SendState, again.Attempts, again.VendorStatus));
    }

    [Fact]
    public async Task Outcomes_count_attempts_and_accepted_is_never_downgraded()
    {
        await Ledger.ReserveAsync(Reservation("m-1"));
        var unknown = await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Unknown, null, "timeout", TestDatabase.Start.AddSeconds(30));
        var accepted = await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Accepted, "PENDING_ENROUTE", null, TestDatabase.Start.AddMinutes(10));
        var afterUnknown = await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Unknown, null, "timeout", TestDatabase.Start.AddMinutes(11));
        var afterRejected = await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Rejected, "REJECTED_DESTINATION", "bad", TestDatabase.Start.AddMinutes(12));

        Assert.Equal((LedgerSendState.Unknown, 1, "timeout"), (unknown.SendState, unknown.Attempts, unknown.Detail));
        Assert.Equal((LedgerSendState.Accepted, 2), (accepted.SendState, accepted.Attempts));
        Assert.Equal((LedgerSendState.Accepted, 3, "PENDING_ENROUTE"), (afterUnknown.SendState, afterUnknown.Attempts, afterUnknown.VendorStatus));
        Assert.Equal((LedgerSendState.Accepted, 4, "PENDING_ENROUTE"), (afterRejected.SendState, afterRejected.Attempts, afterRejected.VendorStatus));
        Assert.Equal(afterRejected, await Ledger.GetAsync("m-1"));
        Assert.Empty(await Ledger.FindUnsettledAsync(TestDatabase.Start.AddYears(1), 10));
    }

    [Fact]
    public async Task Rejected_is_final_until_a_later_attempt_is_accepted()
    {
        await Ledger.ReserveAsync(Reservation("m-1"));
        var rejected = await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Rejected, "REJECTED", "invalid template", TestDatabase.Start);
        Assert.Equal((LedgerSendState.Rejected, "invalid template"), (rejected.SendState, rejected.Detail));
        Assert.Empty(await Ledger.FindUnsettledAsync(TestDatabase.Start.AddYears(1), 10));

        var accepted = await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Accepted, "PENDING", null, TestDatabase.Start.AddMinutes(1));
        Assert.Equal((LedgerSendState.Accepted, 2), (accepted.SendState, accepted.Attempts));
    }

    [Fact]
    public async Task Recording_an_outcome_of_an_unreserved_message_fails() =>
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Ledger.RecordOutcomeAsync("never", LedgerSendState.Accepted, null, null, TestDatabase.Start));

    [Fact]
    public async Task FindUnsettled_returns_reserved_and_unknown_rows_older_than_the_window_oldest_first()
    {
        await Ledger.ReserveAsync(Reservation("crashed-before-answer"));                       // Reserved at 09:00
        _db.Time.Advance(TimeSpan.FromMinutes(1));
        await Ledger.ReserveAsync(Reservation("accepted"));
        await Ledger.RecordOutcomeAsync("accepted", LedgerSendState.Accepted, null, null, _db.Time.GetUtcNow());
        await Ledger.ReserveAsync(Reservation("rejected"));
        await Ledger.RecordOutcomeAsync("rejected", LedgerSendState.Rejected, null, null, _db.Time.GetUtcNow());
        await Ledger.ReserveAsync(Reservation("timed-out"));
        await Ledger.RecordOutcomeAsync("timed-out", LedgerSendState.Unknown, null, "timeout", TestDatabase.Start.AddMinutes(2));
        await Ledger.ReserveAsync(Reservation("recent"));
        await Ledger.RecordOutcomeAsync("recent", LedgerSendState.Unknown, null, "timeout", TestDatabase.Start.AddMinutes(30));

        var unsettled = await Ledger.FindUnsettledAsync(TestDatabase.Start.AddMinutes(20), 10);
        var first = await Ledger.FindUnsettledAsync(TestDatabase.Start.AddMinutes(20), 1);

        Assert.Equal(["crashed-before-answer", "timed-out"], unsettled.Select(e => e.MessageId));
        Assert.Equal([LedgerSendState.Reserved, LedgerSendState.Unknown], unsettled.Select(e => e.SendState));
        Assert.Equal(["crashed-before-answer"], first.Select(e => e.MessageId));
    }

    [Fact]
    public async Task Settlements_are_recorded_with_their_history()
    {
        await Ledger.ReserveAsync(Reservation("m-1"));
        await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Unknown, null, "timeout", TestDatabase.Start);
        var window = TimeSpan.FromMinutes(15);

        // The policy resends with the same message id: the row leaves the unsettled list for a new window.
        var resendAt = TestDatabase.Start.AddMinutes(20);
        Assert.True(await Ledger.RecordSettlementAsync("m-1", SettlementDecision.ResendSameMessageId, resendAt));
        Assert.Empty(await Ledger.FindUnsettledAsync(resendAt, 10));
        var resent = await Ledger.GetAsync("m-1");
        Assert.Equal((SettlementDecision.ResendSameMessageId, resendAt, LedgerSendState.Unknown), (resent!.Settlement, resent.SettledAt, resent.SendState));

        // The resend times out again; after another window the policy gives up.
        await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Unknown, null, "timeout", resendAt.AddSeconds(30));
        Assert.Single(await Ledger.FindUnsettledAsync(resendAt.Add(window).AddMinutes(1), 10));
        var giveUpAt = resendAt.Add(window).AddMinutes(1);
        Assert.True(await Ledger.RecordSettlementAsync("m-1", SettlementDecision.MarkFailed, giveUpAt));

        Assert.Empty(await Ledger.FindUnsettledAsync(giveUpAt.AddYears(1), 10));
        var failed = await Ledger.GetAsync("m-1");
        Assert.Equal((SettlementDecision.MarkFailed, giveUpAt, 2), (failed!.Settlement, failed.SettledAt, failed.Attempts));
        Assert.False(await Ledger.RecordSettlementAsync("m-1", SettlementDecision.ResendSameMessageId, giveUpAt.AddMinutes(1)));

        var history = await Ledger.GetSettlementsAsync("m-1");
        Assert.Equal(
            [
                new LedgerSettlement("m-1", SettlementDecision.ResendSameMessageId, LedgerSendState.Unknown, resendAt),
                new LedgerSettlement("m-1", SettlementDecision.MarkFailed, LedgerSendState.Unknown, giveUpAt),
            ],
            history);
    }

    [Fact]
    public async Task A_settlement_is_refused_once_the_row_is_settled_by_an_answer()
    {
        await Ledger.ReserveAsync(Reservation("m-1"));
        var found = await Ledger.FindUnsettledAsync(TestDatabase.Start.AddHours(1), 10);
        Assert.Single(found);

        // The answer arrives between the policy's find and its decision: the decision must not be acted on.
        await Ledger.RecordOutcomeAsync("m-1", LedgerSendState.Accepted, "PENDING", null, TestDatabase.Start.AddMinutes(1));

        Assert.False(await Ledger.RecordSettlementAsync("m-1", SettlementDecision.ResendSameMessageId, TestDatabase.Start.AddHours(1)));
        Assert.Empty(await Ledger.GetSettlementsAsync("m-1"));
        Assert.Null((await Ledger.GetAsync("m-1"))!.Settlement);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Ledger.RecordSettlementAsync("never", SettlementDecision.MarkFailed, TestDatabase.Start));
    }

    [Fact]
    public async Task Evidence_settlement_makes_the_row_accepted()
    {
        await Ledger.ReserveAsync(Reservation("m-1"));

        Assert.True(await Ledger.RecordSettlementAsync("m-1", SettlementDecision.EvidenceOfDelivery, TestDatabase.Start.AddMinutes(5)));

        var entry = await Ledger.GetAsync("m-1");
        Assert.Equal((LedgerSendState.Accepted, SettlementDecision.EvidenceOfDelivery), (entry!.SendState, entry.Settlement));
        Assert.Equal([new LedgerSettlement("m-1", SettlementDecision.EvidenceOfDelivery, LedgerSendState.Reserved, TestDatabase.Start.AddMinutes(5))], await Ledger.GetSettlementsAsync("m-1"));
    }

    [Fact]
    public async Task Bad_arguments_name_the_parameter()
    {
        Assert.Equal("reservation", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ReserveAsync(null!))).ParamName);
        Assert.Equal("reservation.MessageId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ReserveAsync(Reservation("")))).ParamName);
        Assert.Equal("reservation.RunId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ReserveAsync(Reservation("m", runId: "")))).ParamName);
        Assert.Equal("reservation.Recipient", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ReserveAsync(Reservation("m") with { Recipient = null! }))).ParamName);
        Assert.Equal("messageId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.RecordOutcomeAsync("", LedgerSendState.Accepted, null, null, TestDatabase.Start))).ParamName);
        Assert.Equal("state", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.RecordOutcomeAsync("m", LedgerSendState.Reserved, null, null, TestDatabase.Start))).ParamName);
        Assert.Equal("limit", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.FindUnsettledAsync(TestDatabase.Start, -5))).ParamName);
        Assert.Equal("decision", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.RecordSettlementAsync("m", (SettlementDecision)42, TestDatabase.Start))).ParamName);
        Assert.Equal("messageId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.GetAsync(null!))).ParamName);
        Assert.Equal("messageId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.GetSettlementsAsync(""))).ParamName);
        Assert.Equal("take", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Ledger.ListOrphanReportsAsync(0, -1))).ParamName);
    }
}
