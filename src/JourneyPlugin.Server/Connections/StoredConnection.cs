using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Server.Configuration;

namespace JourneyPlugin.Server.Connections;

/// <summary>A connection created through the API, with its secrets decrypted (they are encrypted only at rest).</summary>
internal sealed record StoredConnection
{
    public required string Name { get; init; }

    public required string Vendor { get; init; }

    /// <summary>The vendor's API key. Never logged or returned.</summary>
    public required string ApiKey { get; init; }

    public required string BaseUrl { get; init; }

    public required string Sender { get; init; }

    public string? QuickTestRecipient { get; init; }

    public string? WebhookBasicUser { get; init; }

    /// <summary>Never logged or returned.</summary>
    public string? WebhookBasicPassword { get; init; }

    /// <summary>Never logged or returned.</summary>
    public string? WebhookHmacSecret { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The settings the Infobip client needs.</summary>
    public InfobipConnectionOptions ToInfobipOptions() => new() { ApiKey = ApiKey, BaseUrl = BaseUrl, Sender = Sender };

    /// <summary>How its webhooks authenticate.</summary>
    public WebhookAuthOptions ToWebhookAuth() => new() { BasicUser = WebhookBasicUser, BasicPassword = WebhookBasicPassword, HmacSecret = WebhookHmacSecret };

    /// <summary>Names the connection without any secret (the generated record ToString would print them).</summary>
    public override string ToString() => $"Connection '{Name}' ({Vendor}, {BaseUrl})";
}
