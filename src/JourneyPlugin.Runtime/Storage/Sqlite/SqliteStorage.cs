using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>
/// The embedded store: every durable thing of a node — journey instances and their timeouts, the
/// send ledger, conversations and campaign runs — in one SQLite file in WAL mode.
/// </summary>
/// <remarks>
/// The file and its schema are created (or migrated) on first use, or by <see cref="InitializeAsync"/>.
/// Create one per file and process and share it: the stores queue their writes on it. Disposing it
/// closes the file.
/// </remarks>
public sealed class SqliteStorage : IDisposable
{
    private readonly SqliteDatabase _database;

    /// <summary>Opens (lazily) the database described by <paramref name="options"/>.</summary>
    /// <param name="options">The file and how it is written.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="loggerFactory">Where the store logs; nowhere without one.</param>
    /// <param name="meterFactory">Where the group commit's instruments go (<c>journeyplugin.storage.commit.*</c>); none without one.</param>
    /// <exception cref="OptionsValidationException">The options are not valid.</exception>
    public SqliteStorage(IOptions<SqliteStorageOptions> options, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var value = options.Value;
        var validation = new SqliteStorageOptionsValidator().Validate(Options.DefaultName, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SqliteStorageOptions), validation.Failures);
        }

        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SqliteStorage>();
        _database = new SqliteDatabase(value, timeProvider, logger, meterFactory is null ? null : new SqliteCommitMetrics(meterFactory));
        Instances = new SqliteJourneyInstanceStore(_database);
        Ledger = new SqliteSendLedger(_database);
        Conversations = new SqliteConversationStore(_database);
        Runs = new SqliteRunStore(_database);
        WebhookInbox = new SqliteWebhookInbox(_database);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _database.Path;

    /// <summary>Journey instances, bookmarks and timeouts.</summary>
    public IJourneyInstanceStore Instances { get; }

    /// <summary>The send ledger.</summary>
    public ISendLedger Ledger { get; }

    /// <summary>Conversations, inbound deduplication and held replies.</summary>
    public IConversationStore Conversations { get; }

    /// <summary>Campaign runs and funnels.</summary>
    public IRunStore Runs { get; }

    /// <summary>Webhook bodies acknowledged and not applied yet.</summary>
    public IWebhookInbox WebhookInbox { get; }

    /// <summary>Creates the file and brings its schema up to date now rather than on first use.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _database.InitializeAsync(cancellationToken);

    /// <summary>Closes the file (SQLite checkpoints the WAL when the last connection closes).</summary>
    public void Dispose() => _database.Dispose();

    /// <summary>The database, for tests that look under the contract.</summary>
    internal SqliteDatabase Database => _database;
}
