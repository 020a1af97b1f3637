using JourneyPlugin.Runtime.Conversations;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.WhatsApp.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Delivery;

/// <summary>
/// Applies delivery and seen reports to the send ledger (status only moves forward; duplicates,
/// late and unknown reports change nothing) and counts each advance once in its run's funnel.
/// </summary>
public sealed partial class DeliveryReportProcessor
{
    private readonly ISendLedger _ledger;
    private readonly SendSettlements _settlements;
    private readonly ILogger _logger;

    /// <summary>Creates the processor; the conversation store holds a settlement for a wait not stored yet.</summary>
    public DeliveryReportProcessor(
        ISendLedger ledger,
        IGrainFactory grains,
        IConversationStore conversations,
        IOptions<ConversationOptions> options,
        TimeProvider clock,
        ILogger<DeliveryReportProcessor> logger)
    {
        _ledger = ledger;
        _settlements = new SendSettlements(grains, conversations, options, clock, logger);
        _logger = logger;
    }

    /// <summary>Applies a webhook's reports in one transaction; returns what changed.</summary>
    public async Task<IReadOnlyList<DeliveryUpdateResult>> ProcessAsync(IReadOnlyList<WhatsAppDeliveryReport> reports, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count == 0)
        {
            return [];
        }

        // The funnel is counted in the ledger's transaction: a crash cannot record an advance and lose its count.
        var results = await _ledger.ApplyDeliveryReportsAsync(reports.Select(ToLedger).ToList(), r => FunnelOf(reports, r), cancellationToken).ConfigureAwait(false);
        foreach (var orphan in results.Where(r => r.Kind == DeliveryUpdateKind.Orphan))
        {
            Log.Orphan(_logger, orphan.MessageId);
        }

        // Evidence settles a send whose answer was lost: its journey goes on as sent. Told again for a
        // report of a send settled earlier (a webhook applied again after a crash between the ledger's
        // commit and this call): a journey no longer waiting on it ignores it.
        foreach (var settled in results.Where(r => r.AcceptedByEvidence && r.InstanceId is { Length: > 0 }))
        {
            await _settlements.TellAsync(settled.InstanceId!, settled.MessageId, WhatsApp.Activities.SendSettlement.Accepted).ConfigureAwait(false);
        }

        return results;
    }

    private static List<FunnelIncrement> FunnelOf(IReadOnlyList<WhatsAppDeliveryReport> reports, IReadOnlyList<DeliveryUpdateResult> results)
    {
        var increments = new List<FunnelIncrement>();
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            if (result.Kind == DeliveryUpdateKind.Orphan || !result.Changed || result.RunId is not { } runId)
            {
                continue;
            }

            // A seen report may come first: it counts as delivered too.
            if (result.NewStatus is DeliveryStatus.Delivered or DeliveryStatus.Seen && result.OldStatus is DeliveryStatus.None or DeliveryStatus.Pending)
            {
                increments.Add(new(runId, result.ActivityId, FunnelCounter.Delivered));
            }

            if (result.NewStatus == DeliveryStatus.Seen)
            {
                increments.Add(new(runId, result.ActivityId, FunnelCounter.Seen));
            }
            else if (result.NewStatus == DeliveryStatus.Failed)
            {
                increments.Add(new(runId, result.ActivityId, FunnelCounter.Failed, reports[i].ErrorCode ?? "UNDELIVERABLE"));
            }
        }

        return increments;
    }

    private static DeliveryReport ToLedger(WhatsAppDeliveryReport report) => new(
        report.MessageId,
        report.Status switch
        {
            WhatsAppDeliveryStatus.Delivered => DeliveryStatus.Delivered,
            WhatsAppDeliveryStatus.Seen => DeliveryStatus.Seen,
            WhatsAppDeliveryStatus.Failed => DeliveryStatus.Failed,
            _ => DeliveryStatus.Pending,
        },
        report.At)
    {
        VendorStatus = report.VendorStatus,
        ErrorCode = report.ErrorCode,
        Detail = report.Detail,
        Recipient = report.Recipient,
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Delivery report for unknown message {MessageId} kept as an orphan")]
        public static partial void Orphan(ILogger logger, string messageId);
    }
}
