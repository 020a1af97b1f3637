using JourneyPlugin.Infobip.Gateway;
using JourneyPlugin.Infobip.Webhooks;
using JourneyPlugin.Runtime.Conversations;
using JourneyPlugin.Runtime.Delivery;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.WhatsApp.Messaging;

namespace JourneyPlugin.Server.Webhooks;

/// <summary>
/// Takes a webhook body in three steps: parse it (a malformed one is refused and kept nowhere), keep it
/// in the <see cref="IWebhookInbox"/> (synced; from then on it cannot be lost), apply it to the runtime
/// and remove it. A body whose application failed stays in the inbox for <see cref="WebhookInboxDrainer"/>.
/// The runtime deduplicates (inbound by message id, reports by status), so a body applied twice, or
/// posted again by Infobip, changes nothing.
/// </summary>
internal sealed class WebhookIngest(DeliveryReportProcessor reports, IGrainFactory grains, IWebhookInbox inbox, TimeProvider time)
{
    // Conversations are independent: different ones are routed in parallel, one conversation in order.
    private const int InboundParallelism = 16;

    /// <summary>The inbox source of a connection's webhooks.</summary>
    public static string SourceOf(string connection) => "infobip/" + connection;

    /// <summary>Parses <paramref name="body"/> as a webhook of <paramref name="kind"/>.</summary>
    /// <exception cref="InfobipWebhookFormatException">The body is not a valid webhook of that kind.</exception>
    public WebhookBatch Parse(WebhookKind kind, byte[] body)
    {
        var now = time.GetUtcNow();
        return kind switch
        {
            WebhookKind.DeliveryReports when InfobipWebhookParser.IsSeenReportBatch(body) => Reports(InfobipWebhookParser.ParseSeenReports(body).Results.Select(r => r.ToWhatsAppReport(now))),
            WebhookKind.SeenReports => Reports(InfobipWebhookParser.ParseSeenReports(body).Results.Select(r => r.ToWhatsAppReport(now))),
            WebhookKind.DeliveryReports => Reports(InfobipWebhookParser.ParseDeliveryReports(body).Results.Select(r => r.ToWhatsAppReport(now))),
            _ => new WebhookBatch([], InfobipWebhookParser.ParseInboundMessages(body).Results.Select(m => m.ToWhatsAppMessage()).ToList()),
        };

        static WebhookBatch Reports(IEnumerable<WhatsAppDeliveryReport> reports) => new(reports.ToList(), []);
    }

    /// <summary>Keeps <paramref name="body"/> in the inbox, synced; the vendor may be acknowledged once this returns.</summary>
    public Task<long> KeepAsync(string connection, WebhookKind kind, byte[] body, CancellationToken cancellationToken) =>
        inbox.AddAsync(SourceOf(connection), kind.ToString(), body, cancellationToken);

    /// <summary>Applies a kept batch and removes it from the inbox; on failure it stays there and the exception propagates.</summary>
    public async Task<WebhookReceipt> ApplyAsync(long inboxId, WebhookBatch batch, CancellationToken cancellationToken)
    {
        WebhookReceipt receipt;
        try
        {
            receipt = batch.Reports.Count > 0
                ? await ApplyReportsAsync(batch.Reports, cancellationToken).ConfigureAwait(false)
                : await ApplyInboundAsync(batch.Messages, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not cancellable: the failure must be on record whatever the caller does next.
            await inbox.RecordFailureAsync(inboxId, e.GetType().Name + ": " + e.Message, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await inbox.CompleteAsync(inboxId, CancellationToken.None).ConfigureAwait(false);
        return receipt;
    }

    private async Task<WebhookReceipt> ApplyReportsAsync(IReadOnlyList<WhatsAppDeliveryReport> batch, CancellationToken cancellationToken)
    {
        var results = await reports.ProcessAsync(batch, cancellationToken).ConfigureAwait(false);
        return new WebhookReceipt(batch.Count, results.Count(r => r.Changed || r.Kind == DeliveryUpdateKind.Orphan));
    }

    private async Task<WebhookReceipt> ApplyInboundAsync(IReadOnlyList<WhatsAppInboundMessage> messages, CancellationToken cancellationToken)
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
