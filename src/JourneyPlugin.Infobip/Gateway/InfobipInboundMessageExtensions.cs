using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Webhooks;
using JourneyPlugin.WhatsApp.Messaging;

namespace JourneyPlugin.Infobip.Gateway;

/// <summary>Maps Infobip's inbound messages to the vendor-neutral model journeys see.</summary>
public static class InfobipInboundMessageExtensions
{
    /// <summary>The message as "Wait for User Reply" sees it.</summary>
    public static WhatsAppInboundMessage ToWhatsAppMessage(this InfobipInboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new WhatsAppInboundMessage
        {
            Sender = message.To,
            Customer = message.From,
            MessageId = message.MessageId,
            ReceivedAt = message.ReceivedAt,
            Type = message.Message.Type,
            Text = message.Message.ReplyText,
            Payload = message.Message.ReplyId,
            Raw = JsonNode.Parse(message.Message.Raw.GetRawText()),
        };
    }
}
