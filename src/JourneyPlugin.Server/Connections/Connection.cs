using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Server.Configuration;

namespace JourneyPlugin.Server.Connections;

/// <summary>A connection as journeys, webhooks and the API see it, whatever its origin.</summary>
/// <param name="Name">The name journeys use.</param>
/// <param name="Origin">Where it is defined.</param>
/// <param name="Infobip">The client settings (the API key among them: never log or return them).</param>
/// <param name="QuickTestRecipient">The number the Quick Test writes to when none is given.</param>
/// <param name="Webhooks">How its webhooks authenticate; null when none is set.</param>
internal sealed record Connection(string Name, ConnectionOrigin Origin, InfobipConnectionOptions Infobip, string? QuickTestRecipient, WebhookAuthOptions? Webhooks)
{
    /// <summary>The only vendor so far.</summary>
    public const string InfobipVendor = "infobip";

    /// <summary>Whether the API may change or delete it.</summary>
    public bool ReadOnly => Origin != ConnectionOrigin.Api;

    /// <summary>Names the connection without any secret.</summary>
    public override string ToString() => $"Connection '{Name}' ({Origin})";
}
