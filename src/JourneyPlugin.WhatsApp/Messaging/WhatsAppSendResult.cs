namespace JourneyPlugin.WhatsApp.Messaging;

/// <summary>The answer to a send, independent of the vendor.</summary>
public sealed record WhatsAppSendResult
{
    /// <summary>Sent, failed or unknown.</summary>
    public required WhatsAppSendStatus Status { get; init; }

    /// <summary>The message id.</summary>
    public required string MessageId { get; init; }

    /// <summary>Why it failed; <see cref="WhatsAppFailureReason.None"/> when sent.</summary>
    public WhatsAppFailureReason FailureReason { get; init; }

    /// <summary>The vendor's status name (e.g. <c>PENDING_ENROUTE</c>) or error text.</summary>
    public string? VendorStatus { get; init; }

    /// <summary>A sentence for the user.</summary>
    public string? Detail { get; init; }

    /// <summary>The vendor's raw answer.</summary>
    public string? RawResponse { get; init; }

    /// <summary>A failed result.</summary>
    public static WhatsAppSendResult Failed(string messageId, WhatsAppFailureReason reason, string detail) =>
        new() { Status = WhatsAppSendStatus.Failed, MessageId = messageId, FailureReason = reason, Detail = detail };
}
