using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Serialization;

namespace JourneyPlugin.Infobip.Sandbox.Delivery;

/// <summary>One element of <c>results</c> in each of Infobip's WhatsApp webhooks (infobip.md §5).</summary>
internal static class ReportPayloads
{
    /// <summary>A delivery report: DELIVERED with NO_ERROR, or UNDELIVERABLE with 7010 for a message outside the window.</summary>
    public static JsonObject Delivery(SandboxMessage message, DateTimeOffset doneAt)
    {
        var delivered = message.Outcome == SandboxDeliveryOutcome.Delivered;
        var result = new JsonObject();
        if (message.BulkId is not null)
        {
            result["bulkId"] = message.BulkId;
        }

        result["messageId"] = message.MessageId;
        result["to"] = message.To;
        result["sentAt"] = InfobipTimestampConverter.Format(message.AcceptedAt);
        result["doneAt"] = InfobipTimestampConverter.Format(doneAt);
        result["messageCount"] = 1;
        result["price"] = InfobipStatuses.Price();
        result["status"] = delivered ? InfobipStatuses.DeliveredToHandset() : InfobipStatuses.UndeliverableRejectedOperator();
        result["error"] = delivered ? InfobipStatuses.NoError() : InfobipStatuses.NoSession();
        if (message.CallbackData is not null)
        {
            result["callbackData"] = message.CallbackData;
        }

        return result;
    }

    /// <summary>
    /// A seen report. Its <c>from</c> is the sender and <c>to</c> the customer, as in Infobip's example
    /// (the same direction as the delivery report), although the field descriptions say the opposite.
    /// </summary>
    public static JsonObject Seen(SandboxMessage message, DateTimeOffset seenAt) => new()
    {
        ["messageId"] = message.MessageId,
        ["from"] = message.From,
        ["to"] = message.To,
        ["sentAt"] = InfobipTimestampConverter.Format(message.AcceptedAt),
        ["seenAt"] = InfobipTimestampConverter.Format(seenAt),
    };

    /// <summary>A customer's message: <c>TEXT</c>, or <c>BUTTON</c> when they tapped a quick reply.</summary>
    public static JsonObject Inbound(
        string messageId,
        string customer,
        string sender,
        string text,
        string? buttonPayload,
        string? pairedMessageId,
        DateTimeOffset receivedAt)
    {
        var content = buttonPayload is null
            ? new JsonObject { ["type"] = "TEXT", ["text"] = text }
            : new JsonObject { ["type"] = "BUTTON", ["text"] = text, ["payload"] = buttonPayload };

        var result = new JsonObject
        {
            ["from"] = customer,
            ["to"] = sender,
            ["integrationType"] = "WHATSAPP",
            ["receivedAt"] = InfobipTimestampConverter.Format(receivedAt),
            ["messageId"] = messageId,
        };
        if (pairedMessageId is not null)
        {
            result["pairedMessageId"] = pairedMessageId;
        }

        result["message"] = content;
        result["price"] = InfobipStatuses.Price();
        result["contact"] = new JsonObject { ["name"] = $"Customer {customer[^Math.Min(4, customer.Length)..]}", ["phoneNumber"] = customer };
        return result;
    }
}
