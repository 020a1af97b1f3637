namespace JourneyPlugin.WhatsApp.Messaging;

/// <summary>What is known about a send.</summary>
public enum WhatsAppSendStatus
{
    /// <summary>The vendor accepted the message.</summary>
    Sent,

    /// <summary>The message was not sent, or the vendor refused it.</summary>
    Failed,

    /// <summary>The vendor may have accepted it; only a delivery report can tell.</summary>
    Unknown,
}
