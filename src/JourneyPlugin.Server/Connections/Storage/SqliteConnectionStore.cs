using System.Collections.Immutable;
using System.Security.Cryptography;
using JourneyPlugin.Server.Configuration;
using JourneyPlugin.Server.Connections.Secrets;
using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Server.Connections.Storage;

/// <summary>
/// The connections created through the API, in <c>connections.db</c> beside the runtime's database
/// (same conventions: WAL, versioned schema, times in microseconds since the Unix epoch). A file of
/// its own because connections are the server's configuration, not journey state, and the runtime
/// owns its file's schema. Secrets are stored only as Data Protection ciphertexts. All rows are held
/// in memory, decrypted, so a send or a webhook never waits on the file.
/// </summary>
internal sealed class SqliteConnectionStore(string dataDirectory, ConnectionSecretProtector protector, TimeProvider time) : IDisposable
{
    /// <summary>The database file name in the data directory.</summary>
    public const string FileName = "connections.db";

    private const int SchemaVersion = 1;
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS connections (
            name                   TEXT    NOT NULL PRIMARY KEY,
            vendor                 TEXT    NOT NULL,
            base_url               TEXT    NOT NULL,
            sender                 TEXT    NOT NULL,
            quick_test_recipient   TEXT,
            api_key                TEXT    NOT NULL, -- Data Protection ciphertext
            webhook_basic_user     TEXT,
            webhook_basic_password TEXT,             -- Data Protection ciphertext
            webhook_hmac_secret    TEXT,             -- Data Protection ciphertext
            created_at             INTEGER NOT NULL,
            updated_at             INTEGER NOT NULL
        );
        """;

    private const string Columns = "name, vendor, base_url, sender, quick_test_recipient, api_key, webhook_basic_user, webhook_basic_password, webhook_hmac_secret, created_at, updated_at";

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly string _path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
    private volatile ImmutableSortedDictionary<string, StoredConnection> _connections = ImmutableSortedDictionary.Create<string, StoredConnection>(StringComparer.Ordinal);

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _path;

    /// <summary>Every stored connection, by name.</summary>
    public IEnumerable<StoredConnection> All => _connections.Values;

    /// <summary>The connection named <paramref name="name"/>, or null.</summary>
    public StoredConnection? Find(string name) => _connections.GetValueOrDefault(name);

    /// <summary>Creates or migrates the file and loads every connection, decrypting its secrets.</summary>
    /// <exception cref="ServerConfigurationException">A secret cannot be decrypted (the key ring or master key is not the one it was made with).</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            using (var wal = connection.CreateCommand())
            {
                wal.CommandText = "PRAGMA journal_mode = WAL;";
                wal.ExecuteNonQuery();
            }

            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                Execute(transaction, Schema);
                using var version = Command(transaction, "INSERT OR IGNORE INTO schema_version (version, name, applied_at) VALUES ($version, 'connections', $at);");
                version.Parameters.AddWithValue("$version", SchemaVersion);
                version.Parameters.AddWithValue("$at", ToDb(time.GetUtcNow()));
                version.ExecuteNonQuery();
                transaction.Commit();
            }

            var loaded = ImmutableSortedDictionary.CreateBuilder<string, StoredConnection>(StringComparer.Ordinal);
            using var query = connection.CreateCommand();
            query.CommandText = $"SELECT {Columns} FROM connections;";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                var row = Read(reader);
                loaded[row.Name] = row;
            }

            _connections = loaded.ToImmutable();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Adds <paramref name="connection"/>; false when the name is taken.</summary>
    public Task<bool> TryAddAsync(StoredConnection connection, CancellationToken cancellationToken) =>
        WriteAsync(connection, insert: true, cancellationToken);

    /// <summary>Replaces the connection of the same name; false when there is none.</summary>
    public Task<bool> TryUpdateAsync(StoredConnection connection, CancellationToken cancellationToken) =>
        WriteAsync(connection, insert: false, cancellationToken);

    /// <summary>Deletes the connection named <paramref name="name"/>; false when there is none.</summary>
    public async Task<bool> TryDeleteAsync(string name, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            using var delete = Command(transaction, "DELETE FROM connections WHERE name = $name;");
            delete.Parameters.AddWithValue("$name", name);
            var deleted = delete.ExecuteNonQuery() == 1;
            transaction.Commit();
            if (deleted)
            {
                _connections = _connections.Remove(name);
            }

            return deleted;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<bool> WriteAsync(StoredConnection row, bool insert, CancellationToken cancellationToken)
    {
        // Encrypted before the write gate: protecting may load or create the key ring.
        var apiKey = protector.Protect(row.Name, nameof(row.ApiKey), row.ApiKey)!;
        var password = protector.Protect(row.Name, nameof(row.WebhookBasicPassword), row.WebhookBasicPassword);
        var hmac = protector.Protect(row.Name, nameof(row.WebhookHmacSecret), row.WebhookHmacSecret);

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            using var write = Command(transaction, insert
                ? $"INSERT OR IGNORE INTO connections ({Columns}) VALUES ($name, $vendor, $baseUrl, $sender, $recipient, $apiKey, $user, $password, $hmac, $createdAt, $updatedAt);"
                : """
                  UPDATE connections SET vendor = $vendor, base_url = $baseUrl, sender = $sender, quick_test_recipient = $recipient, api_key = $apiKey,
                      webhook_basic_user = $user, webhook_basic_password = $password, webhook_hmac_secret = $hmac, updated_at = $updatedAt
                  WHERE name = $name;
                  """);
            write.Parameters.AddWithValue("$name", row.Name);
            write.Parameters.AddWithValue("$vendor", row.Vendor);
            write.Parameters.AddWithValue("$baseUrl", row.BaseUrl);
            write.Parameters.AddWithValue("$sender", row.Sender);
            write.Parameters.AddWithValue("$recipient", (object?)row.QuickTestRecipient ?? DBNull.Value);
            write.Parameters.AddWithValue("$apiKey", apiKey);
            write.Parameters.AddWithValue("$user", (object?)row.WebhookBasicUser ?? DBNull.Value);
            write.Parameters.AddWithValue("$password", (object?)password ?? DBNull.Value);
            write.Parameters.AddWithValue("$hmac", (object?)hmac ?? DBNull.Value);
            write.Parameters.AddWithValue("$createdAt", ToDb(row.CreatedAt));
            write.Parameters.AddWithValue("$updatedAt", ToDb(row.UpdatedAt));
            var written = write.ExecuteNonQuery() == 1;
            transaction.Commit();
            if (written)
            {
                _connections = _connections.SetItem(row.Name, row);
            }

            return written;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private StoredConnection Read(SqliteDataReader reader)
    {
        var name = reader.GetString(0);
        try
        {
            return new StoredConnection
            {
                Name = name,
                Vendor = reader.GetString(1),
                BaseUrl = reader.GetString(2),
                Sender = reader.GetString(3),
                QuickTestRecipient = reader.IsDBNull(4) ? null : reader.GetString(4),
                ApiKey = protector.Unprotect(name, nameof(StoredConnection.ApiKey), reader.GetString(5))!,
                WebhookBasicUser = reader.IsDBNull(6) ? null : reader.GetString(6),
                WebhookBasicPassword = protector.Unprotect(name, nameof(StoredConnection.WebhookBasicPassword), reader.IsDBNull(7) ? null : reader.GetString(7)),
                WebhookHmacSecret = protector.Unprotect(name, nameof(StoredConnection.WebhookHmacSecret), reader.IsDBNull(8) ? null : reader.GetString(8)),
                CreatedAt = FromDb(reader.GetInt64(9)),
                UpdatedAt = FromDb(reader.GetInt64(10)),
            };
        }
        catch (CryptographicException e)
        {
            throw new ServerConfigurationException(
                $"The secrets of connection '{name}' in '{_path}' cannot be decrypted: {e.Message} "
                + $"They need the key ring under '{MasterKeySource.KeysFolder}/' of the same data directory and the master key it was made with ({MasterKeySource.SettingName}).",
                e);
        }
    }

    private SqliteConnection Open()
    {
        // No pooling: writes are rare, and a closed file can be moved or deleted at once.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <inheritdoc />
    public void Dispose() => _writeGate.Dispose();

    private static SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Execute(SqliteTransaction transaction, string sql)
    {
        using var command = Command(transaction, sql);
        command.ExecuteNonQuery();
    }

    private static long ToDb(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static DateTimeOffset FromDb(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * TimeSpan.TicksPerMicrosecond);
}
