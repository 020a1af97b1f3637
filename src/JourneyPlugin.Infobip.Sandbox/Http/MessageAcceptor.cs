using JourneyPlugin.Infobip.Sandbox.Conversations;
using JourneyPlugin.Infobip.Sandbox.Delivery;
using JourneyPlugin.Infobip.Sandbox.Logging;
using JourneyPlugin.Infobip.Sandbox.Recording;
using JourneyPlugin.Infobip.Sandbox.Serialization;
using JourneyPlugin.Infobip.Sandbox.Validation;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>
/// Accepts a valid message: decides whether it can reach the customer, records it and sets its
/// delivery in motion. A repeated <c>messageId</c> is a second message, as it would be on a phone.
/// </summary>
internal sealed class MessageAcceptor(
    InfobipSandboxOptions options,
    MessageLog messages,
    ServiceWindows windows,
    DeliverySimulator delivery,
    TimeProvider time,
    ILogger logger)
{
    public SandboxMessage Accept(ValidatedMessage message, string? bulkId)
    {
        var outsideWindow = message.Kind != SandboxMessageKind.Template
            && options.EnforceCustomerServiceWindow
            && !windows.IsOpen(message.From, message.To);

        var accepted = new SandboxMessage
        {
            MessageId = message.MessageId ?? InfobipIds.NewMessageId(),
            From = message.From,
            To = message.To,
            Kind = message.Kind,
            Text = message.Content.Text,
            TemplateName = message.Content.TemplateName,
            TemplateLanguage = message.Content.TemplateLanguage,
            TemplatePlaceholders = message.Content.Placeholders,
            BulkId = bulkId,
            CallbackData = message.CallbackData,
            NotifyUrl = message.NotifyUrl,
            RequestJson = message.RequestJson,
            AcceptedAt = time.GetUtcNow(),
            Outcome = outsideWindow ? SandboxDeliveryOutcome.FailedNoSession : SandboxDeliveryOutcome.Delivered,
        };

        messages.Add(accepted);
        windows.NoteOutbound(accepted.From, accepted.To);

        var customer = PhoneNumber.Redact(accepted.To);
        SandboxLog.MessageAccepted(logger, accepted.Kind, accepted.MessageId, PhoneNumber.Redact(accepted.From), customer);
        if (outsideWindow)
        {
            SandboxLog.OutsideServiceWindow(logger, accepted.MessageId, customer);
        }

        delivery.OnAccepted(accepted);
        return accepted;
    }
}
