namespace JourneyPlugin.Server.Webhooks;

/// <summary>The webhooks Infobip posts.</summary>
internal enum WebhookKind
{
    /// <summary>Delivery reports (seen reports posted to the same URL are recognised too).</summary>
    DeliveryReports,

    /// <summary>Seen (read) reports.</summary>
    SeenReports,

    /// <summary>Customers' messages.</summary>
    InboundMessages,
}
