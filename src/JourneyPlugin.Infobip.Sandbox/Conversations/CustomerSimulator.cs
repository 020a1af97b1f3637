using JourneyPlugin.Infobip.Sandbox.Delivery;
using JourneyPlugin.Infobip.Sandbox.Logging;
using JourneyPlugin.Infobip.Sandbox.Serialization;
using JourneyPlugin.Infobip.Sandbox.Validation;
using JourneyPlugin.Infobip.Sandbox.Webhooks;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Infobip.Sandbox.Conversations;

/// <summary>Customers writing to a sender: opens their window and posts Infobip's inbound message webhook.</summary>
internal sealed class CustomerSimulator(
    InfobipSandboxOptions options,
    ServiceWindows windows,
    WebhookDispatcher webhooks,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Whether inbound messages are posted anywhere.</summary>
    public bool HasInboundUrl => options.InboundMessageUrl is not null;

    /// <summary>
    /// Checks a customer's message written by hand and finds its sender: the given one, else the one
    /// that last wrote to the customer, else the first configured sender.
    /// </summary>
    /// <returns>Why the message cannot be posted, or null.</returns>
    public string? Check(string? customer, string? sender, string? text, out string resolvedSender)
    {
        resolvedSender = string.Empty;
        if (string.IsNullOrWhiteSpace(customer))
        {
            return "'from' is required: the customer's number with country code, digits only, e.g. 84912345678";
        }

        if (RecipientRules.Check(customer) is { } reason)
        {
            return $"'from' {reason}";
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return "'text' is required: what the customer writes";
        }

        if (text.Length > 4096)
        {
            return "'text' must be at most 4096 characters";
        }

        if (sender is not null && !options.Senders.Contains(sender))
        {
            return $"'to' must be one of the sandbox's senders ({string.Join(", ", options.Senders)}), not '{sender}'";
        }

        resolvedSender = sender ?? windows.LastSenderTo(customer) ?? options.Senders[0];
        return null;
    }

    /// <summary>The customer writes: their window opens and the inbound webhook is posted.</summary>
    public async Task<InboundOutcome> WriteAsync(string customer, string sender, string text, string? buttonPayload, string? pairedMessageId)
    {
        windows.Open(sender, customer);
        SandboxLog.CustomerWrote(logger, PhoneNumber.Redact(customer), PhoneNumber.Redact(sender));

        var messageId = InfobipIds.NewWamid();
        if (options.InboundMessageUrl is not { } url)
        {
            SandboxLog.NoWebhookUrl(logger, nameof(WebhookKind.InboundMessage), messageId);
            return new InboundOutcome(messageId, Posted: false);
        }

        var result = ReportPayloads.Inbound(messageId, customer, sender, text, buttonPayload, pairedMessageId, time.GetUtcNow());
        var posted = await webhooks.EnqueueAsync(url, WebhookKind.InboundMessage, result).ConfigureAwait(false);
        return new InboundOutcome(messageId, posted);
    }
}
