using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Hosting;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.WhatsApp.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Delivery;

/// <summary>
/// Settles sends whose outcome stayed unknown past the window without evidence: records the policy's
/// decision in the ledger, then resumes the waiting journey with it (resend with the same message id,
/// or fail). A report that arrives first settles the send by evidence instead and wins. Downtime does
/// not count toward the window: evidence sent while the process was down arrives after it starts (the
/// vendor retries its webhooks, the inbox keeps what a crash cut short), so after a start nothing is
/// settled until the process has listened for one whole window.
/// </summary>
internal sealed partial class SendSettler(
    ISendLedger ledger,
    SendSettlements settlements,
    IOptions<SettlementOptions> options,
    TimeProvider clock,
    ILogger<SendSettler> logger) : PeriodicBackgroundService(clock, logger)
{
    protected override TimeSpan Interval => options.Value.ScanInterval;

    private readonly DateTimeOffset _startedAt = clock.GetUtcNow();

    // An unsettled send is older than the window by definition; nothing is urgent at start.
    protected override bool RunAtStart => false;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SettleAsync(cancellationToken);

    /// <summary>Settles every send past the window, a page at a time; returns how many.</summary>
    internal async Task<int> SettleAsync(CancellationToken cancellationToken)
    {
        const int PageSize = 100;
        var now = Clock.GetUtcNow();
        if (now - _startedAt < options.Value.Window)
        {
            return 0;
        }

        var policy = options.Value.Policy;
        var decision = policy == SendSettlement.Resend ? SettlementDecision.ResendSameMessageId : SettlementDecision.MarkFailed;
        var settled = 0;
        IReadOnlyList<LedgerEntry> page;
        do
        {
            // A settled row leaves this query (a resend opens a new window from now), so the next page is further on.
            page = await ledger.FindUnsettledAsync(now - options.Value.Window, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page)
            {
                // False when a delivery report settled it in the meantime.
                if (!await ledger.RecordSettlementAsync(entry.MessageId, decision, now, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                Log.Settled(logger, entry.MessageId, decision);
                settled++;
                if (entry.InstanceId.Length > 0)
                {
                    await TellJourneyAsync(entry, policy).ConfigureAwait(false);
                }
            }
        }
        while (page.Count == PageSize);

        return settled;
    }

    /// <summary>Resumes the journey waiting on the send; a failure is logged and does not stop the others.</summary>
    private async Task TellJourneyAsync(LedgerEntry entry, SendSettlement policy)
    {
        try
        {
            await settlements.TellAsync(entry.InstanceId, entry.MessageId, policy).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One journey that cannot be told must not keep the others waiting.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.ResumeFailed(logger, entry.MessageId, JourneyStartRequest.Redact(entry.InstanceId), e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Message {MessageId} had no evidence of delivery within the settlement window: {Decision}")]
        public static partial void Settled(ILogger logger, string messageId, SettlementDecision decision);

        [LoggerMessage(2, LogLevel.Error, "Message {MessageId} was settled but its journey instance {InstanceId} could not be told; it goes on at its own timeout, if it has one")]
        public static partial void ResumeFailed(ILogger logger, string messageId, string instanceId, Exception exception);
    }
}
