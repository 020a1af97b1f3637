using JourneyPlugin.Server.Webhooks;

namespace JourneyPlugin.Server.Connections;

/// <summary>A connection as the API returns it: the API key masked, secrets never.</summary>
internal sealed record ConnectionResponse(
    string Name,
    string Vendor,
    string BaseUrl,
    string Sender,
    string? QuickTestRecipient,
    string ApiKey,
    string Source,
    bool ReadOnly,
    ConnectionWebhooksResponse Webhooks)
{
    /// <summary>The response for <paramref name="connection"/>; webhook URLs are absolute on <paramref name="root"/>.</summary>
    public static ConnectionResponse From(Connection connection, string root)
    {
        ArgumentNullException.ThrowIfNull(connection);
        string Url(WebhookKind kind) => root + InfobipWebhookEndpoints.PathOf(connection.Name, kind);
        return new ConnectionResponse(
            connection.Name,
            Connection.InfobipVendor,
            connection.Infobip.BaseUrl,
            connection.Infobip.Sender,
            connection.QuickTestRecipient,
            SecretMask.Mask(connection.Infobip.ApiKey),
            connection.Origin switch
            {
                ConnectionOrigin.Sandbox => "sandbox",
                ConnectionOrigin.Configuration => "configuration",
                _ => "api",
            },
            connection.ReadOnly,
            new ConnectionWebhooksResponse(
                Url(WebhookKind.DeliveryReports),
                Url(WebhookKind.InboundMessages),
                Url(WebhookKind.SeenReports),
                string.IsNullOrEmpty(connection.Webhooks?.BasicUser) ? null : connection.Webhooks.BasicUser,
                connection.Webhooks?.HmacSecret is not null));
    }
}

/// <summary>Where Infobip must post the connection's webhooks, and how they authenticate (without the secrets).</summary>
internal sealed record ConnectionWebhooksResponse(string DeliveryReportsUrl, string InboundUrl, string SeenUrl, string? BasicUser, bool Hmac);
