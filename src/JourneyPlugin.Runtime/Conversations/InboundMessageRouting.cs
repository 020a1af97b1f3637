using System.Text.Json;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.WhatsApp.Messaging;

namespace JourneyPlugin.Runtime.Conversations;

/// <summary>Hands a customer's message to its conversation grain: what an inbound webhook endpoint does.</summary>
public static class InboundMessageRouting
{
    /// <summary>Routes <paramref name="message"/>; returns false for a duplicate, which changed nothing.</summary>
    public static Task<bool> RouteInboundAsync(this IGrainFactory grains, WhatsAppInboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(message);
        return grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(message.Sender, message.Customer)).OnInboundAsync(new InboundReply
        {
            Sender = message.Sender,
            Customer = message.Customer,
            MessageId = message.MessageId,
            ReceivedAt = message.ReceivedAt,
            Text = message.Text,
            MessageJson = JsonSerializer.Serialize(message, JsonSerializerOptions.Web),
        });
    }
}
