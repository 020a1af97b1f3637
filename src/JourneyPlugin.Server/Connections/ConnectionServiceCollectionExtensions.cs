using JourneyPlugin.Infobip.Gateway;
using JourneyPlugin.Server.Configuration;
using JourneyPlugin.Server.Connections.Secrets;
using JourneyPlugin.Server.Connections.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JourneyPlugin.Server.Connections;

/// <summary>Registers the connections: the store, its encryption, the catalogue journeys send through, and the Quick Test.</summary>
internal static class ConnectionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the connection store under <see cref="ServerOptions.DataDirectory"/> with its secrets encrypted
    /// by Data Protection (key ring in <c>data/keys</c>, encrypted with the master key), and makes every
    /// connection — sandbox, configured, stored — available to journeys.
    /// </summary>
    /// <exception cref="ServerConfigurationException">
    /// The server is exposed beyond loopback and no master key is set, or the key ring was made with another master key.
    /// </exception>
    public static IServiceCollection AddJourneyPluginConnections(this IServiceCollection services, ServerOptions options, bool exposed)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (exposed && string.IsNullOrWhiteSpace(options.MasterKey))
        {
            throw new ServerConfigurationException(
                $"Refusing to start: the server listens beyond loopback and {MasterKeySource.SettingName} is not set. Connection secrets are encrypted with it; "
                + "set it (e.g. the environment variable JourneyPlugin__MasterKey, at least 32 characters, from a secret store) and keep it outside the data directory. "
                + "Only a server on loopback falls back to a key generated into the data directory.");
        }

        // Checked now, before any hosted service starts: Data Protection's own warms the key ring up
        // at start and would quietly add a key made with the wrong master key.
        var keys = MasterKeySource.KeysDirectory(options.DataDirectory);
        var masterKey = MasterKeySource.Load(options.MasterKey, options.DataDirectory);
        MasterKeySource.CheckKeyRing(keys, masterKey);
        services.AddSingleton(masterKey);
        services.AddDataProtection()
            .SetApplicationName("JourneyPlugin")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.AddOptions<KeyManagementOptions>().Configure<MasterKey>((o, masterKey) => o.XmlEncryptor = new MasterKeyXmlEncryptor(masterKey));
        services.AddSingleton<ConnectionSecretProtector>();
        services.AddSingleton(provider => new SqliteConnectionStore(options.DataDirectory, provider.GetRequiredService<ConnectionSecretProtector>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConnectionCatalog>();
        services.AddSingleton<QuickTest>();
        services.Replace(ServiceDescriptor.Singleton<IInfobipConnectionSource, CatalogInfobipConnectionSource>());
        services.AddHostedService<ConnectionStoreInitializer>();
        return services;
    }
}
