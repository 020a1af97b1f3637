namespace JourneyPlugin.Runtime.Storage;

/// <summary>
/// The send ledger: one row per Send step execution, keyed by its deterministic message id, so that
/// each customer gets exactly one message per Send step across crashes, retries and failover.
/// </summary>
/// <remarks>
/// Every write is on disk before the call returns (it precedes a vendor call or a webhook answer).
/// Recipients are stored as given; never log them unredacted.
/// </remarks>
public interface ISendLedger
{
    /// <summary>
    /// Writes the row in state <see cref="LedgerSendState.Reserved"/> before the vendor call, or returns
    /// the existing row unchanged, so a step re-executed after a crash sees what happened.
    /// </summary>
    /// <returns>The row; <see cref="LedgerEntry.IsNewReservation"/> tells whether this call created it.</returns>
    Task<LedgerEntry> ReserveAsync(LedgerReservation reservation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the vendor's answer to one send attempt and counts the attempt.
    /// <see cref="LedgerSendState.Accepted"/> is never downgraded by a later answer.
    /// </summary>
    /// <param name="messageId">The reserved message id.</param>
    /// <param name="state"><see cref="LedgerSendState.Accepted"/>, <see cref="LedgerSendState.Rejected"/> (provably not accepted) or <see cref="LedgerSendState.Unknown"/>.</param>
    /// <param name="vendorStatus">The vendor's status name, e.g. <c>PENDING_ENROUTE</c>.</param>
    /// <param name="detail">Why, for people.</param>
    /// <param name="at">When the answer came.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="KeyNotFoundException">No row was reserved for <paramref name="messageId"/>.</exception>
    Task<LedgerEntry> RecordOutcomeAsync(string messageId, LedgerSendState state, string? vendorStatus, string? detail, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a delivery report. The status only moves forward (Pending → Delivered → Seen; Failed
    /// from None or Pending and final; a failure after Delivered is ignored), so duplicates and
    /// out-of-order reports are harmless. A report is evidence that the vendor accepted the message:
    /// an unsettled (or rejected) row becomes <see cref="LedgerSendState.Accepted"/> and the settlement
    /// is recorded. A report for an unknown message id is kept as an orphan, never an error.
    /// </summary>
    Task<DeliveryUpdateResult> ApplyDeliveryReportAsync(DeliveryReport report, CancellationToken cancellationToken = default);

    /// <summary>Applies a batch of delivery reports in one transaction, in order; one result per report.</summary>
    Task<IReadOnlyList<DeliveryUpdateResult>> ApplyDeliveryReportsAsync(IReadOnlyList<DeliveryReport> reports, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a batch as <see cref="ApplyDeliveryReportsAsync(IReadOnlyList{DeliveryReport}, CancellationToken)"/> does and, in the
    /// same transaction, adds the funnel increments <paramref name="funnel"/> derives from the results: each advance is counted
    /// exactly when it is recorded, whatever crashes in between.
    /// </summary>
    Task<IReadOnlyList<DeliveryUpdateResult>> ApplyDeliveryReportsAsync(
        IReadOnlyList<DeliveryReport> reports,
        Func<IReadOnlyList<DeliveryUpdateResult>, IReadOnlyList<FunnelIncrement>> funnel,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> rows still <see cref="LedgerSendState.Reserved"/> or
    /// <see cref="LedgerSendState.Unknown"/>, without delivery evidence and not settled as failed,
    /// that became unsettled before <paramref name="olderThan"/> (at reservation, at an unknown answer,
    /// or at a resend decision), oldest first.
    /// </summary>
    Task<IReadOnlyList<LedgerEntry>> FindUnsettledAsync(DateTimeOffset olderThan, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records how an unsettled row was settled, keeping every settlement in its history.
    /// <see cref="SettlementDecision.EvidenceOfDelivery"/> makes the row accepted;
    /// <see cref="SettlementDecision.MarkFailed"/> takes it out of the unsettled rows for good;
    /// <see cref="SettlementDecision.ResendSameMessageId"/> starts a new settlement window.
    /// </summary>
    /// <returns>
    /// <see langword="false"/> (and nothing recorded) when the row is no longer unsettled, e.g. a delivery
    /// report arrived since it was found: the caller must then not act on its decision.
    /// </returns>
    /// <exception cref="KeyNotFoundException">No row for <paramref name="messageId"/>.</exception>
    Task<bool> RecordSettlementAsync(string messageId, SettlementDecision decision, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The settlements of a row, oldest first.</summary>
    Task<IReadOnlyList<LedgerSettlement>> GetSettlementsAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>The row, or <see langword="null"/>.</summary>
    Task<LedgerEntry?> GetAsync(string messageId, CancellationToken cancellationToken = default);

    /// <summary>The stored orphan delivery reports, oldest first.</summary>
    Task<IReadOnlyList<OrphanDeliveryReport>> ListOrphanReportsAsync(int skip, int take, CancellationToken cancellationToken = default);
}
