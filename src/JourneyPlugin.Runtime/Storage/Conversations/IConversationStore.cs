using JourneyPlugin.WhatsApp.Conversations;

namespace JourneyPlugin.Runtime.Storage;

/// <summary>
/// Conversations per (sender, customer): the last inbound time (the 24 hour window) and opt-out,
/// the vendor message ids already seen, and replies held until the wait they answer is stored.
/// </summary>
/// <remarks>Every write is on disk before the call returns: it precedes the webhook's answer.</remarks>
public interface IConversationStore : IConversationStateReader
{
    /// <summary>
    /// Records an inbound message. The window only moves forward: an older message arriving late does
    /// not shorten it.
    /// </summary>
    /// <returns><see langword="false"/>, and nothing changed, when <paramref name="vendorMessageId"/> was already recorded.</returns>
    Task<bool> RecordInboundAsync(string sender, string customer, string vendorMessageId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opts the customer out of (or back into) all journeys with <paramref name="sender"/>. A change
    /// older than the last one applied is ignored, so a late STOP cannot undo a newer START.
    /// </summary>
    Task SetOptedOutAsync(string sender, string customer, bool optedOut, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// Holds a reply that arrived before the wait for it was stored, until <paramref name="heldUntil"/>;
    /// unless that wait is stored by now, which the same transaction checks: then nothing is held and the
    /// caller resumes the wait instead. A wait is stored either before the hold (refused) or after it
    /// (its owner takes the held reply once it has saved the wait), so a reply is never left behind.
    /// </summary>
    /// <returns>Whether the reply was held; <see langword="false"/> when a wait on <paramref name="bookmarkHash"/> is stored.</returns>
    Task<bool> HoldReplyAsync(string bookmarkHash, string replyJson, DateTimeOffset heldUntil, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes the replies held for <paramref name="bookmarkHash"/> and returns the unexpired ones, oldest
    /// first, atomically: two concurrent takers never get the same reply. Expired ones are dropped.
    /// </summary>
    Task<IReadOnlyList<HeldReply>> TakeHeldRepliesAsync(string bookmarkHash, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes held replies expired at <paramref name="now"/> and inbound message ids older than the
    /// deduplication retention.
    /// </summary>
    /// <returns>How many rows were removed.</returns>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
