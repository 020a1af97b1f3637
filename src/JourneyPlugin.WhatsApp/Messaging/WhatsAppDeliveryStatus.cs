namespace JourneyPlugin.WhatsApp.Messaging;

/// <summary>How far a message got, as a vendor's report says.</summary>
public enum WhatsAppDeliveryStatus
{
    /// <summary>Accepted, on its way.</summary>
    Pending,

    /// <summary>On the customer's phone.</summary>
    Delivered,

    /// <summary>Read by the customer.</summary>
    Seen,

    /// <summary>Not delivered, for good.</summary>
    Failed,
}
