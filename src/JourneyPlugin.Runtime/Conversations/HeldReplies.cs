using JourneyPlugin.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Runtime.Conversations;

/// <summary>Delivers a reply (or a send's settlement) to the journeys waiting for it, or holds it for a wait not stored yet.</summary>
internal static partial class HeldReplies
{
    /// <summary>How many times a reply is offered again when its hold was refused because the wait was stored meanwhile.</summary>
    private const int MaxAttempts = 3;

    /// <summary>
    /// Runs <paramref name="resume"/>; if it resumed nothing, holds the input for the wait. A hold refused
    /// because the wait was stored in between means its owner has already looked for held replies, so the
    /// input is offered to the wait again instead.
    /// </summary>
    /// <returns>How many instances were resumed; 0 when the input was held (or, after every attempt, neither, which is logged).</returns>
    public static async Task<int> ResumeOrHoldAsync(IConversationStore conversations, string hash, string input, DateTimeOffset heldUntil, ILogger logger, Func<Task<int>> resume)
    {
        for (var attempt = 1; ; attempt++)
        {
            var resumed = await resume().ConfigureAwait(false);
            if (resumed > 0 || await conversations.HoldReplyAsync(hash, input, heldUntil).ConfigureAwait(false))
            {
                return resumed;
            }

            if (attempt == MaxAttempts)
            {
                Log.NeitherResumedNorHeld(logger, hash, MaxAttempts);
                return 0;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "A reply or settlement for the wait {BookmarkHash} was neither taken by the stored wait nor held, {Attempts} times; the wait goes on until its timeout")]
        public static partial void NeitherResumedNorHeld(ILogger logger, string bookmarkHash, int attempts);
    }
}
