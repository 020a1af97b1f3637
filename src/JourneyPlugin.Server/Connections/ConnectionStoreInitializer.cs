using JourneyPlugin.Server.Connections.Secrets;
using JourneyPlugin.Server.Connections.Storage;

namespace JourneyPlugin.Server.Connections;

/// <summary>
/// Before anything sends: loads the master key (warning when it is the generated file), checks the
/// key ring was made with it, and loads the stored connections. Any failure stops the start with a
/// message that says what to set.
/// </summary>
internal sealed partial class ConnectionStoreInitializer(
    IServiceProvider services,
    SqliteConnectionStore store,
    ConnectionCatalog catalog,
    ConnectionStoreLocation location,
    ILogger<ConnectionStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var masterKey = services.GetRequiredService<MasterKey>();
        if (masterKey.IsGeneratedFile)
        {
            Log.GeneratedMasterKey(logger, masterKey.Origin, MasterKeySource.SettingName);
        }

        MasterKeySource.CheckKeyRing(location.KeysDirectory, masterKey);
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

/// <summary>Where the connection store and its key ring live.</summary>
/// <param name="DataDirectory">The server's data directory.</param>
internal sealed record ConnectionStoreLocation(string DataDirectory)
{
    /// <summary>The Data Protection key ring.</summary>
    public string KeysDirectory => Path.GetFullPath(Path.Combine(DataDirectory, MasterKeySource.KeysFolder));
}
