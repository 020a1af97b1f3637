using JourneyPlugin.WhatsApp.Messaging;

namespace JourneyPlugin.Server.Webhooks;

/// <summary>A parsed webhook body: delivery or seen reports, or customers' messages.</summary>
/// <param name="Reports">The reports, vendor-neutral.</param>
/// <param name="Messages">The customers' messages, vendor-neutral.</param>
internal sealed record WebhookBatch(IReadOnlyList<WhatsAppDeliveryReport> Reports, IReadOnlyList<WhatsAppInboundMessage> Messages)
{
    /// <summary>How many results the body carried.</summary>
    public int Count => Reports.Count + Messages.Count;
}
