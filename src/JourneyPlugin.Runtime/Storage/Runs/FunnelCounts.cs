namespace JourneyPlugin.Runtime.Storage;

/// <summary>The funnel of a run or of one of its steps.</summary>
/// <param name="Enrolled">Customers enrolled.</param>
/// <param name="Sent">Messages accepted by the vendor.</param>
/// <param name="Delivered">Messages delivered.</param>
/// <param name="Seen">Messages read.</param>
/// <param name="Replied">Replies.</param>
/// <param name="TimedOut">Waits that timed out.</param>
/// <param name="Completed">Journeys completed.</param>
/// <param name="FailedByReason">Failures per reason; <see cref="UnspecifiedReason"/> for those counted without one.</param>
public sealed record FunnelCounts(
    long Enrolled,
    long Sent,
    long Delivered,
    long Seen,
    long Replied,
    long TimedOut,
    long Completed,
    IReadOnlyDictionary<string, long> FailedByReason)
{
    /// <summary>The reason failures without one are listed under.</summary>
    public const string UnspecifiedReason = "Unspecified";

    /// <summary>An empty funnel.</summary>
    public static FunnelCounts Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, new Dictionary<string, long>());

    /// <summary>All failures.</summary>
    public long Failed => FailedByReason.Values.Sum();
}
