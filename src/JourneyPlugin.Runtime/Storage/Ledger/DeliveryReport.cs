namespace JourneyPlugin.Runtime.Storage;

/// <summary>A vendor's delivery report, reduced to what the ledger keeps.</summary>
/// <param name="MessageId">The message id the report is about.</param>
/// <param name="Status">The status it reports.</param>
/// <param name="At">When the status was reached (or the report received, if the vendor does not say).</param>
public sealed record DeliveryReport(string MessageId, DeliveryStatus Status, DateTimeOffset At)
{
    /// <summary>The vendor's status name, e.g. <c>DELIVERED_TO_HANDSET</c>.</summary>
    public string? VendorStatus { get; init; }

    /// <summary>The vendor's error code of a failure.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>An explanation, for people.</summary>
    public string? Detail { get; init; }

    /// <summary>The recipient the vendor names; kept only for orphan reports.</summary>
    public string? Recipient { get; init; }
}
