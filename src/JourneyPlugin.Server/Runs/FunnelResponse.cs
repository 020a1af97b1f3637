using JourneyPlugin.Runtime.Storage;

namespace JourneyPlugin.Server.Runs;

/// <summary>A funnel as the API shows it: enrolled → sent → delivered → seen → replied, with failures by reason.</summary>
/// <param name="Enrolled">Customers enrolled.</param>
/// <param name="Sent">Messages the vendor accepted.</param>
/// <param name="Delivered">Messages delivered.</param>
/// <param name="Seen">Messages read.</param>
/// <param name="Replied">Replies received.</param>
/// <param name="Failed">Failures per reason.</param>
/// <param name="TimedOut">Waits that timed out.</param>
/// <param name="Completed">Journeys completed.</param>
internal sealed record FunnelResponse(long Enrolled, long Sent, long Delivered, long Seen, long Replied, IReadOnlyDictionary<string, long> Failed, long TimedOut, long Completed)
{
    public static FunnelResponse From(FunnelCounts counts) =>
        new(counts.Enrolled, counts.Sent, counts.Delivered, counts.Seen, counts.Replied, counts.FailedByReason, counts.TimedOut, counts.Completed);
}
