using JourneyPlugin.Infobip.Gateway;
using JourneyPlugin.Infobip.Webhooks;
using JourneyPlugin.Runtime.Conversations;
using JourneyPlugin.Runtime.Delivery;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.WhatsApp.Messaging;

namespace JourneyPlugin.Server.Webhooks;

/// <summary>
/// Parses a webhook body and applies it to the runtime before the request is acknowledged, so an
/// acknowledged result is never lost; the runtime deduplicates (inbound by message id, reports by
/// status), so Infobip's retries change nothing.
/// </summary>
internal sealed class WebhookIngest(DeliveryReportProcessor reports, IGrainFactory grains, TimeProvider time)
{
    // Conversations are independent: different ones are routed in parallel, one conversation in order.
    private const int InboundParallelism = 16;

    /// <summary>Parses and applies <paramref name="body"/>.</summary>
    /// <exception cref="InfobipWebhookFormatException">The body is not a valid webhook of that kind.</exception>
    public async Task<WebhookReceipt> ApplyAsync(WebhookKind kind, byte[] body, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        switch (kind)
        {
            case WebhookKind.DeliveryReports when InfobipWebhookParser.IsSeenReportBatch(body):
            case WebhookKind.SeenReports:
                {
                    var batch = InfobipWebhookParser.ParseSeenReports(body);
                    return await ApplyReportsAsync(batch.Results.Select(r => r.ToWhatsAppReport(now)).ToList(), cancellationToken).ConfigureAwait(false);
                }

            case WebhookKind.DeliveryReports:
                {
                    var batch = InfobipWebhookParser.ParseDeliveryReports(body);
                    return await ApplyReportsAsync(batch.Results.Select(r => r.ToWhatsAppReport(now)).ToList(), cancellationToken).ConfigureAwait(false);
                }

            default:
                {
                    var batch = InfobipWebhookParser.ParseInboundMessages(body);
                    return await ApplyInboundAsync(batch.Results.Select(m => m.ToWhatsAppMessage()).ToList(), cancellationToken).ConfigureAwait(false);
                }
        }
    }

    private async Task<WebhookReceipt> ApplyReportsAsync(List<WhatsAppDeliveryReport> batch, CancellationToken cancellationToken)
    {
        var results = await reports.ProcessAsync(batch, cancellationToken).ConfigureAwait(false);
        return new WebhookReceipt(batch.Count, results.Count(r => r.Changed || r.Kind == DeliveryUpdateKind.Orphan));
    }

    private async Task<WebhookReceipt> ApplyInboundAsync(List<WhatsAppInboundMessage> messages, CancellationToken cancellationToken)
    {
        var applied = 0;
        var conversations = messages.GroupBy(m => (m.Sender, m.Customer)).ToList();
        await Parallel.ForEachAsync(
            conversations,
            new ParallelOptions { MaxDegreeOfParallelism = InboundParallelism, CancellationToken = cancellationToken },
            async (conversation, _) =>
            {
                foreach (var message in conversation)
                {
                    if (await grains.RouteInboundAsync(message).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref applied);
                    }
                }
            }).ConfigureAwait(false);
        return new WebhookReceipt(messages.Count, applied);
    }
}

/// <summary>What a webhook POST carried and how much of it changed something (the rest were duplicates or stale).</summary>
/// <param name="Received">The results in the body.</param>
/// <param name="Applied">The results that changed state (orphan reports are kept, so they count).</param>
internal sealed record WebhookReceipt(int Received, int Applied);
