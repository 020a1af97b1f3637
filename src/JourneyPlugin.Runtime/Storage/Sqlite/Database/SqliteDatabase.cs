using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>
/// The one database file the stores share: creates and migrates it on first use, lends connections,
/// and runs reads and write transactions.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite does its work synchronously, so the methods run the delegate on the caller's
/// thread. SQLite lets one writer in at a time; writers of this process queue on an async gate instead
/// of blocking threads in SQLite's busy handler, which is left to waits on other processes.
/// </remarks>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly SqliteConnectionPool _pool;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _initializeGate = new(1, 1);
    private volatile bool _initialized;

    public SqliteDatabase(SqliteStorageOptions options, TimeProvider timeProvider, ILogger logger)
    {
        Options = options;
        Time = timeProvider;
        Logger = logger;
        Path = options.DatabasePath;
        _pool = new SqliteConnectionPool(Path, options.BusyTimeout, options.MaxIdleConnections);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    public SqliteStorageOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>Creates the file and brings its schema up to date, once.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initializeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using (var lease = _pool.Rent())
            {
                SqliteSchema.Migrate(lease.Connection, Time, Logger, Path);
            }

            _initialized = true;
        }
        finally
        {
            _initializeGate.Release();
        }
    }

    /// <summary>Runs a read on a pooled connection (each statement sees a consistent snapshot).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = _pool.Rent();
        try
        {
            return read(lease.Connection);
        }
        catch (SqliteException)
        {
            lease.Broken = true;
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one immediate transaction and commits it, or rolls it back if it throws.
    /// </summary>
    public async Task<T> WriteAsync<T>(WriteDurability durability, Func<SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var lease = _pool.Rent();
            try
            {
                SetSynchronous(lease, Options.SyncEveryWrite ? WriteDurability.Full : durability);

                // Immediate: take the write lock up front, so a read-then-write never fails half way on a lock upgrade.
                using var transaction = lease.Connection.BeginTransaction(deferred: false);
                var result = write(transaction);
                transaction.Commit();
                return result;
            }
            catch (SqliteException)
            {
                lease.Broken = true;
                throw;
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _pool.Dispose();
        _writeGate.Dispose();
        _initializeGate.Dispose();
    }

    private static void SetSynchronous(SqliteConnectionLease lease, WriteDurability durability)
    {
        if (lease.Synchronous == durability)
        {
            return;
        }

        using var command = lease.Connection.CreateCommand();
        command.CommandText = durability == WriteDurability.Full ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
        lease.Synchronous = durability;
    }
}
