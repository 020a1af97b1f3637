namespace JourneyPlugin.Runtime.Storage;

/// <summary>A send ledger row.</summary>
/// <param name="MessageId">The deterministic message id.</param>
/// <param name="InstanceId">The journey instance.</param>
/// <param name="RunId">The campaign run, if any.</param>
/// <param name="ActivityId">The Send step.</param>
/// <param name="Connection">The vendor connection.</param>
/// <param name="Recipient">The recipient as given; redact before logging.</param>
/// <param name="SendState">What is known of the vendor call.</param>
/// <param name="DeliveryStatus">How far the message got, from delivery reports.</param>
/// <param name="VendorStatus">The vendor's last status name.</param>
/// <param name="ErrorCode">The vendor's error code of a failed delivery, if any.</param>
/// <param name="Detail">The last explanation, for people.</param>
/// <param name="Attempts">How many vendor answers (or unknown outcomes) were recorded.</param>
/// <param name="CreatedAt">When the row was reserved.</param>
/// <param name="UpdatedAt">When the row last changed.</param>
/// <param name="SettledAt">When the latest settlement was recorded.</param>
/// <param name="Settlement">The latest settlement.</param>
public sealed record LedgerEntry(
    string MessageId,
    string InstanceId,
    string? RunId,
    string ActivityId,
    string Connection,
    string Recipient,
    LedgerSendState SendState,
    DeliveryStatus DeliveryStatus,
    string? VendorStatus,
    string? ErrorCode,
    string? Detail,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SettledAt,
    SettlementDecision? Settlement)
{
    /// <summary>How many delivery reports were applied to the row (duplicates and stale ones included).</summary>
    public int DeliveryReports { get; init; }

    /// <summary>When the current <see cref="DeliveryStatus"/> was reached, as the report said.</summary>
    public DateTimeOffset? DeliveryStatusAt { get; init; }

    /// <summary>
    /// Whether this is the answer of the <see cref="ISendLedger.ReserveAsync"/> call that created the row:
    /// only then may the caller call the vendor without further thought. A re-executed step finds
    /// <see langword="false"/> and must treat a <see cref="LedgerSendState.Reserved"/> row as unknown.
    /// </summary>
    public bool IsNewReservation { get; init; }
}
