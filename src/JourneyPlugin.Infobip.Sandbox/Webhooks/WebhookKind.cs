namespace JourneyPlugin.Infobip.Sandbox.Webhooks;

/// <summary>The webhooks the sandbox posts; results of different kinds never share a POST.</summary>
internal enum WebhookKind
{
    DeliveryReport,
    SeenReport,
    InboundMessage,
}
