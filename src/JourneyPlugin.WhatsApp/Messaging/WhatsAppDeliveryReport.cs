namespace JourneyPlugin.WhatsApp.Messaging;

/// <summary>A vendor's report on one message, independent of the vendor.</summary>
/// <param name="MessageId">The message id the send carried.</param>
/// <param name="Status">How far the message got.</param>
/// <param name="At">When that happened.</param>
public sealed record WhatsAppDeliveryReport(string MessageId, WhatsAppDeliveryStatus Status, DateTimeOffset At)
{
    /// <summary>The vendor's status name, e.g. <c>DELIVERED_TO_HANDSET</c>.</summary>
    public string? VendorStatus { get; init; }

    /// <summary>The vendor's error, e.g. <c>EC_NO_SESSION</c>, when the message failed.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The vendor's description of the error.</summary>
    public string? Detail { get; init; }

    /// <summary>The customer's number.</summary>
    public string? Recipient { get; init; }
}
