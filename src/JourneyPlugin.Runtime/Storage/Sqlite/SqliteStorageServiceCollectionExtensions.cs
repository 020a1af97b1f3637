using System.Diagnostics.Metrics;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Runtime.Storage.Sqlite;
using JourneyPlugin.WhatsApp.Conversations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the embedded SQLite storage.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteStorage"/> and its stores (<see cref="IJourneyInstanceStore"/>,
    /// <see cref="ISendLedger"/>, <see cref="IConversationStore"/>, <see cref="IRunStore"/>, <see cref="IWebhookInbox"/>) as singletons
    /// sharing one database file, and makes the conversation store the <see cref="IConversationStateReader"/>
    /// (replacing the in-memory one). The options are validated at start-up.
    /// </summary>
    public static IServiceCollection AddJourneySqliteStorage(this IServiceCollection services, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<SqliteStorageOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new SqliteStorage(
            provider.GetRequiredService<IOptions<SqliteStorageOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IMeterFactory>()));
        services.TryAddSingleton(provider => provider.GetRequiredService<SqliteStorage>().Instances);
        services.TryAddSingleton(provider => provider.GetRequiredService<SqliteStorage>().Ledger);
        services.TryAddSingleton(provider => provider.GetRequiredService<SqliteStorage>().Conversations);
        services.TryAddSingleton(provider => provider.GetRequiredService<SqliteStorage>().Runs);
        services.TryAddSingleton(provider => provider.GetRequiredService<SqliteStorage>().WebhookInbox);

        // The durable store answers the Send step's window and opt-out checks, whoever registered first.
        services.RemoveAll<IConversationStateReader>();
        services.AddSingleton<IConversationStateReader>(provider => provider.GetRequiredService<IConversationStore>());
        return services;
    }
}
