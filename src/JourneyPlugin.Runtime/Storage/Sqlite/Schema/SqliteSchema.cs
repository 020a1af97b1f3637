using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>Creates and migrates the schema, recording each applied version.</summary>
internal static class SqliteSchema
{
    /// <summary>Every migration, in order. Never edit one that has shipped; add the next.</summary>
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new(1, "instances, bookmarks, send ledger, conversations, runs", SqliteSchemaV1.Sql),
        new(2, "webhook inbox", SqliteSchemaV2.Sql),
        new(3, "webhook bodies set aside", SqliteSchemaV3.Sql),
    ];

    /// <summary>The version this build creates.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Switches the file to WAL and applies the missing migrations in one transaction.</summary>
    /// <exception cref="InvalidOperationException">The file has a newer schema than this build knows.</exception>
    public static void Migrate(SqliteConnection connection, TimeProvider timeProvider, ILogger logger, string path)
    {
        // WAL is a property of the file: readers never block the writer, and a commit is one append.
        string? journalMode;
        using (var wal = connection.Command("PRAGMA journal_mode = WAL;"))
        {
            journalMode = (string?)wal.ExecuteScalar();
        }

        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The database '{path}' could not be switched to WAL mode (it is in '{journalMode}' mode).");
        }

        using (var pragma = connection.Command("PRAGMA synchronous = FULL;"))
        {
            pragma.ExecuteNonQuery();
        }

        // Immediate, so two processes opening a new file at once migrate it once.
        using var transaction = connection.BeginTransaction(deferred: false);
        using (var create = transaction.Command(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);"))
        {
            create.ExecuteNonQuery();
        }

        var current = CurrentVersion(transaction);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database '{path}' has schema version {current}, newer than the {LatestVersion} this build knows; use a newer build.");
        }

        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            using (var apply = transaction.Command(migration.Sql))
            {
                apply.ExecuteNonQuery();
            }

            using var record = transaction.Command("INSERT INTO schema_version (version, name, applied_at) VALUES ($version, $name, $at);")
                .With("$version", migration.Version)
                .With("$name", migration.Name)
                .With("$at", timeProvider.GetUtcNow());
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        if (current < LatestVersion)
        {
            SqliteStorageLog.SchemaMigrated(logger, path, current, LatestVersion);
        }
    }

    /// <summary>The highest applied version; 0 for a new file.</summary>
    public static int CurrentVersion(SqliteTransaction transaction)
    {
        using var query = transaction.Command("SELECT coalesce(max(version), 0) FROM schema_version;");
        return Convert.ToInt32(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
