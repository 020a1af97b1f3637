using JourneyPlugin.Infobip.Sandbox.Conversations;
using JourneyPlugin.Infobip.Sandbox.Logging;
using JourneyPlugin.Infobip.Sandbox.Scheduling;
using JourneyPlugin.Infobip.Sandbox.Webhooks;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Infobip.Sandbox.Delivery;

/// <summary>
/// What happens to an accepted message: its delivery report, its seen report if it was delivered,
/// and the customer's reply if a rule says so.
/// </summary>
internal sealed class DeliverySimulator(
    InfobipSandboxOptions options,
    Scheduler scheduler,
    WebhookDispatcher webhooks,
    ReplyRuleBook replyRules,
    CustomerSimulator customers,
    TimeProvider time,
    ILogger logger)
{
    public void OnAccepted(SandboxMessage message)
    {
        // A message's own notifyUrl wins over the account-wide URL, for delivery and seen reports alike.
        var target = message.NotifyUrl is { } notifyUrl ? new Uri(notifyUrl) : options.DeliveryReportUrl;
        scheduler.Schedule(options.DeliveredAfter, _ => ReportDelivery(message, target));

        if (message.Outcome == SandboxDeliveryOutcome.Delivered && replyRules.Match(message) is { } rule)
        {
            scheduler.Schedule(rule.Delay, _ => customers.WriteAsync(message.To, message.From, rule.ReplyText, rule.ButtonPayload, message.MessageId));
        }
    }

    private Task ReportDelivery(SandboxMessage message, Uri? target)
    {
        if (target is null)
        {
            SandboxLog.NoWebhookUrl(logger, nameof(WebhookKind.DeliveryReport), message.MessageId);
            return Task.CompletedTask;
        }

        // The seen report is scheduled first, so that it is pending before anyone can see the delivery report.
        if (message.Outcome == SandboxDeliveryOutcome.Delivered)
        {
            scheduler.Schedule(options.SeenAfter, _ => ReportSeen(message, target));
        }

        _ = webhooks.EnqueueAsync(target, WebhookKind.DeliveryReport, ReportPayloads.Delivery(message, time.GetUtcNow()));

        return Task.CompletedTask;
    }

    private Task ReportSeen(SandboxMessage message, Uri target)
    {
        _ = webhooks.EnqueueAsync(target, WebhookKind.SeenReport, ReportPayloads.Seen(message, time.GetUtcNow()));
        return Task.CompletedTask;
    }
}
