using JourneyPlugin.Server.Connections.Secrets;
using JourneyPlugin.Server.Connections.Storage;

namespace JourneyPlugin.Server.Connections;

/// <summary>
/// Before anything sends: loads the stored connections, decrypting their secrets (a failure stops the
/// start with a message that says what to restore), and warns when the master key is the generated file.
/// </summary>
internal sealed partial class ConnectionStoreInitializer(
    MasterKey masterKey,
    SqliteConnectionStore store,
    ConnectionCatalog catalog,
    ILogger<ConnectionStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (masterKey.IsGeneratedFile)
        {
            Log.GeneratedMasterKey(logger, masterKey.Origin, MasterKeySource.SettingName);
        }

        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        foreach (var shadowed in store.All.Where(c => catalog.IsConfigured(c.Name)))
        {
            Log.Shadowed(logger, shadowed.Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "{Setting} is not set: the API keys and webhook secrets of connections are encrypted with a key generated into {Path} (readable by its owner only). "
            + "Anyone who can read the data directory can read them; set {Setting} (e.g. the environment variable JourneyPlugin__MasterKey, from a secret store) for a server that matters")]
        public static partial void GeneratedMasterKey(ILogger logger, string path, string setting);

        [LoggerMessage(2, LogLevel.Warning, "The stored connection {Connection} has the name of a configured connection, which takes precedence; the stored one is not used")]
        public static partial void Shadowed(ILogger logger, string connection);
    }
}
