namespace JourneyPlugin.Runtime.Storage;

/// <summary>How far a message got, from delivery reports. Only moves forward.</summary>
public enum DeliveryStatus
{
    /// <summary>No delivery report yet.</summary>
    None,

    /// <summary>On its way (Infobip status group PENDING).</summary>
    Pending,

    /// <summary>Delivered to the handset or operator.</summary>
    Delivered,

    /// <summary>Read by the customer.</summary>
    Seen,

    /// <summary>Undeliverable, expired or rejected downstream. Final.</summary>
    Failed,
}
