using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Infobip.Gateway;
using JourneyPlugin.Server.Configuration;
using JourneyPlugin.Server.Connections.Storage;
using JourneyPlugin.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Connections;

/// <summary>
/// Every connection of the server: the sandbox's and the configured ones (read-only, and first, so a
/// stored connection can never shadow them), then those created through the API.
/// </summary>
internal sealed class ConnectionCatalog(
    IEnumerable<InfobipConnectionName> configuredNames,
    IOptionsMonitor<InfobipConnectionOptions> configuredOptions,
    IOptions<ServerOptions> serverOptions,
    WebhookConnections webhooks,
    SqliteConnectionStore store)
{
    /// <summary>The number the sandbox connection's Quick Test writes to by default (any valid number works there).</summary>
    public const string SandboxQuickTestRecipient = "84912345678";

    private readonly string[] _configured = configuredNames.Select(n => n.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The store of API connections.</summary>
    public SqliteConnectionStore Store => store;

    /// <summary>Whether <paramref name="name"/> is the sandbox's or a configured connection.</summary>
    public bool IsConfigured(string name) => _configured.Contains(name, StringComparer.Ordinal);

    /// <summary>Every connection: configured ones first, then stored ones, each group by name.</summary>
    public IReadOnlyList<Connection> List() =>
        _configured.Select(Configured).Concat(store.All.Where(c => !IsConfigured(c.Name)).Select(Stored)).ToList();

    /// <summary>The connection named <paramref name="name"/>, or null.</summary>
    public Connection? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IsConfigured(name))
        {
            return Configured(name);
        }

        return store.Find(name) is { } stored ? Stored(stored) : null;
    }

    private Connection Configured(string name)
    {
        var server = serverOptions.Value;
        var isSandbox = server.Sandbox.Enabled && name == SandboxOptions.ConnectionName;
        return new Connection(
            name,
            isSandbox ? ConnectionOrigin.Sandbox : ConnectionOrigin.Configuration,
            configuredOptions.Get(name),
            isSandbox ? SandboxQuickTestRecipient : server.Connections.GetValueOrDefault(name)?.QuickTestRecipient,
            webhooks.Find(name));
    }

    private static Connection Stored(StoredConnection stored) =>
        new(stored.Name, ConnectionOrigin.Api, stored.ToInfobipOptions(), stored.QuickTestRecipient, stored.ToWebhookAuth());
}
