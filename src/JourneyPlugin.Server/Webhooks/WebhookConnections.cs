using JourneyPlugin.Server.Configuration;

namespace JourneyPlugin.Server.Webhooks;

/// <summary>The connections whose webhooks this server accepts, each with how its requests authenticate.</summary>
internal sealed class WebhookConnections(IReadOnlyDictionary<string, WebhookAuthOptions> connections)
{
    /// <summary>The connection names.</summary>
    public IEnumerable<string> Names => connections.Keys;

    /// <summary>The authentication settings of <paramref name="connection"/>, or null when it is unknown.</summary>
    public WebhookAuthOptions? Find(string connection) => connections.GetValueOrDefault(connection);
}
