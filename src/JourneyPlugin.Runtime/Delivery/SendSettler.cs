using JourneyPlugin.Runtime.Hosting;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.WhatsApp.Activities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Delivery;

/// <summary>
/// Settles sends whose outcome stayed unknown past the window without evidence: records the policy's
/// decision in the ledger, then resumes the waiting journey with it (resend with the same message id,
/// or fail). A report that arrives first settles the send by evidence instead and wins.
/// </summary>
internal sealed partial class SendSettler(
    ISendLedger ledger,
    IGrainFactory grains,
    IOptions<SettlementOptions> options,
    TimeProvider clock,
    ILogger<SendSettler> logger) : PeriodicBackgroundService(clock, logger)
{
    protected override TimeSpan Interval => options.Value.ScanInterval;

    // An unsettled send is older than the window by definition; nothing is urgent at start.
    protected override bool RunAtStart => false;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => SettleAsync(cancellationToken);

    internal async Task<int> SettleAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var policy = options.Value.Policy;
        var settled = 0;
        foreach (var entry in await ledger.FindUnsettledAsync(now - options.Value.Window, 100, cancellationToken).ConfigureAwait(false))
        {
            var decision = policy == SendSettlement.Resend ? SettlementDecision.ResendSameMessageId : SettlementDecision.MarkFailed;

            // False when a delivery report settled it in the meantime.
            if (!await ledger.RecordSettlementAsync(entry.MessageId, decision, now, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            Log.Settled(logger, entry.MessageId, decision);
            if (entry.InstanceId.Length > 0)
            {
                await SendSettlements.ResumeAsync(grains, entry.InstanceId, entry.MessageId, policy).ConfigureAwait(false);
            }

            settled++;
        }

        return settled;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Message {MessageId} had no evidence of delivery within the settlement window: {Decision}")]
        public static partial void Settled(ILogger logger, string messageId, SettlementDecision decision);

    }
}
