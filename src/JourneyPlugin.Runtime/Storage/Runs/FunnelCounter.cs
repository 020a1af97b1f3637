namespace JourneyPlugin.Runtime.Storage;

/// <summary>The stages of a run's funnel.</summary>
public enum FunnelCounter
{
    /// <summary>Customers enrolled.</summary>
    Enrolled,

    /// <summary>Messages the vendor accepted.</summary>
    Sent,

    /// <summary>Messages delivered.</summary>
    Delivered,

    /// <summary>Messages read.</summary>
    Seen,

    /// <summary>Replies received.</summary>
    Replied,

    /// <summary>Failures, counted by reason.</summary>
    Failed,

    /// <summary>Waits that timed out.</summary>
    TimedOut,

    /// <summary>Journeys completed.</summary>
    Completed,
}
