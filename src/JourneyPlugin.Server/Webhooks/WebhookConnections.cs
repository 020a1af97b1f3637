using JourneyPlugin.Server.Configuration;
using JourneyPlugin.Server.Connections.Storage;

namespace JourneyPlugin.Server.Webhooks;

/// <summary>
/// The connections whose webhooks this server accepts, each with how its requests authenticate: the
/// configured ones (and the sandbox's), then those created through the API, looked up at each request.
/// </summary>
internal sealed class WebhookConnections(IReadOnlyDictionary<string, WebhookAuthOptions> configured, SqliteConnectionStore store)
{
    /// <summary>The connection names.</summary>
    public IEnumerable<string> Names => configured.Keys.Union(store.All.Select(c => c.Name), StringComparer.Ordinal);

    /// <summary>The authentication settings of <paramref name="connection"/>, or null when it is unknown.</summary>
    public WebhookAuthOptions? Find(string connection) =>
        configured.GetValueOrDefault(connection) ?? store.Find(connection)?.ToWebhookAuth();
}
