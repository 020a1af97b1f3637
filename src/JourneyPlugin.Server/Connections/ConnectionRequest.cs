namespace JourneyPlugin.Server.Connections;

/// <summary>
/// The body of <c>POST /api/connections</c> and <c>PUT /api/connections/{name}</c>: the CDP's connection
/// form plus optional webhook credentials. On PUT, a secret left out (null) keeps the stored one and an
/// empty one removes it.
/// </summary>
internal sealed class ConnectionRequest
{
    /// <summary>The name journeys use: lowercase letters, digits, '-' and '_'.</summary>
    public string? Name { get; init; }

    /// <summary><c>infobip</c> (the default).</summary>
    public string? Vendor { get; init; }

    public string? ApiKey { get; init; }

    public string? BaseUrl { get; init; }

    public string? Sender { get; init; }

    public string? QuickTestRecipient { get; init; }

    public string? WebhookBasicUser { get; init; }

    public string? WebhookBasicPassword { get; init; }

    public string? WebhookHmacSecret { get; init; }

    /// <summary>Names the request without its secrets.</summary>
    public override string ToString() => $"Connection request '{Name}'";
}
