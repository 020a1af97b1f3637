using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>
/// The one database file the stores share: creates and migrates it on first use, lends connections,
/// and runs reads and write transactions.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite does its work synchronously, so reads run the delegate on the caller's thread.
/// SQLite lets one writer in at a time; writers of this process queue on an async gate instead of
/// blocking threads in SQLite's busy handler, which is left to waits on other processes, and the
/// writes queued meanwhile are committed together (group commit: one fsync for many).
/// </remarks>
internal sealed class SqliteDatabase : IDisposable
{
    private readonly SqliteConnectionPool _pool;
    private readonly SqliteCommitMetrics? _metrics;
    /// <summary>The most writes one commit takes, so that a long queue does not make one huge transaction.</summary>
    private const int MaxWritesPerCommit = 256;

    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly ConcurrentQueue<PendingWrite> _queue = new();
    private readonly SemaphoreSlim _initializeGate = new(1, 1);
    private volatile bool _initialized;
    private volatile bool _disposed;

    /// <summary>
    /// The connection every commit uses, held across commits by whoever holds the write gate: its page
    /// cache stays valid, since no other connection of the process writes, where a pooled connection
    /// found its cache stale after every other connection's commit and read the index pages again.
    /// </summary>
    private SqliteConnectionLease? _writer;

    public SqliteDatabase(SqliteStorageOptions options, TimeProvider timeProvider, ILogger logger, SqliteCommitMetrics? metrics = null)
    {
        _metrics = metrics;
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
    /// Runs <paramref name="write"/> in an immediate transaction and returns once that is committed;
    /// if it throws, none of its changes are kept and the exception comes back to the caller.
    /// </summary>
    /// <remarks>
    /// Group commit: writes that queue while another commits are run together in the next
    /// transaction and share one commit (one fsync when any asks for <see cref="WriteDurability.Full"/>).
    /// A caller is answered only after the commit that holds its write, so what it was told is durable
    /// is durable; a write that fails keeps none of its changes and leaves the others of the batch alone
    /// (when it had changed rows, the batch runs again in a new transaction, each write in a savepoint).
    /// The funnel counts the batch's writes add are summed and upserted once, just before the commit
    /// (<see cref="SqliteFunnelTally"/>).
    /// </remarks>
    public async Task<T> WriteAsync<T>(WriteDurability durability, Func<SqliteTransaction, T> write, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken).ConfigureAwait(false);
        var pending = new PendingWrite(durability, transaction => write(transaction));
        _queue.Enqueue(pending);
        try
        {
            await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (pending.TryCancel())
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // Another committer took it already: its outcome stands and is what the caller gets.
            return (T)(await pending.Outcome.ConfigureAwait(false))!;
        }

        try
        {
            while (!pending.IsTaken && !pending.Outcome.IsCompleted)
            {
                CommitQueued();
            }
        }
        finally
        {
            _writeGate.Release();
        }

        if (_disposed)
        {
            CloseWriterIfIdle();
        }

        return (T)(await pending.Outcome.ConfigureAwait(false))!;
    }

    /// <inheritdoc />
    /// <remarks>
    /// The write gate is not disposed: a commit still running releases it when it ends, and then closes
    /// the writer's connection, which must not be closed under it.
    /// </remarks>
    public void Dispose()
    {
        _disposed = true;
        CloseWriterIfIdle();
        _pool.Dispose();
        _initializeGate.Dispose();
    }

    /// <summary>Once disposed: closes the writer's connection unless a commit uses it (whose committer calls this again when done).</summary>
    private void CloseWriterIfIdle()
    {
        if (!_writeGate.Wait(0))
        {
            return;
        }

        try
        {
            _writer?.Connection.Dispose();
            _writer = null;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Takes what is queued (up to <see cref="MaxWritesPerCommit"/>) and commits it as one transaction. Called holding the write gate.</summary>
    private void CommitQueued()
    {
        var batch = new List<PendingWrite>();
        while (batch.Count < MaxWritesPerCommit && _queue.TryDequeue(out var next))
        {
            if (next.TryTake())
            {
                batch.Add(next);
            }
        }

        if (batch.Count == 0)
        {
            return;
        }

        var durability = Options.SyncEveryWrite || batch.Exists(w => w.Durability == WriteDurability.Full) ? WriteDurability.Full : WriteDurability.Normal;
        SqliteConnectionLease? lease = null;
        var started = Time.GetTimestamp();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            lease = _writer ??= _pool.Rent();
            SetSynchronous(lease, durability);

            // Immediate: take the write lock up front, so a read-then-write never fails half way on a lock upgrade.
            var transaction = lease.Connection.BeginTransaction(deferred: false);
            try
            {
                var funnel = SqliteFunnelTally.In(transaction);
                if (batch.Count == 1)
                {
                    if (batch[0].Run(transaction))
                    {
                        funnel.Keep();
                    }
                    else
                    {
                        lease.Broken = batch[0].Failure is SqliteException;
                        transaction.Rollback();
                        batch[0].Complete();
                        return;
                    }
                }
                else if (!TryRunWithoutSavepoints(transaction, batch, funnel))
                {
                    // A write failed after changing rows: only a savepoint can undo its changes alone.
                    transaction.Rollback();
                    transaction.Dispose();
                    _metrics?.Retried();
                    transaction = lease.Connection.BeginTransaction(deferred: false);
                    funnel = SqliteFunnelTally.In(transaction);
                    RunInSavepoints(transaction, batch, funnel);
                }

                funnel.Flush(transaction);
                transaction.Commit();
            }
            finally
            {
                transaction.Dispose();
            }

            // A statement that failed may have left the connection in a state not worth keeping.
            lease.Broken |= batch.Exists(w => w.Failure is SqliteException);
        }
#pragma warning disable CA1031 // Every caller of the batch gets the failure (a disposed pool, a failed begin or commit).
        catch (Exception e)
#pragma warning restore CA1031
        {
            lease?.Broken |= e is SqliteException;
            foreach (var write in batch)
            {
                write.Fail(e);
            }

            return;
        }
        finally
        {
            if (lease is { Broken: true })
            {
                // Closed, not returned: the next commit opens a fresh one.
                _writer = null;
                lease.Dispose();
            }

            _metrics?.Committed(batch.Count, Time.GetElapsedTime(started));
        }

        foreach (var write in batch)
        {
            write.Complete();
        }
    }

    /// <summary>
    /// Runs the writes straight in the transaction, without a savepoint each: SQLite copies every page a
    /// write changes into a savepoint's journal (10–20% of a campaign message's store CPU). A savepoint
    /// is needed only to undo a write that fails after changing rows; most failures (a version
    /// conflict, a refused transition) are found before anything is written. Rows are all the stores'
    /// writes change (the schema is migrated outside group commits), so SQLite's count of changed rows
    /// tells whether a failed write left anything behind.
    /// </summary>
    /// <returns>
    /// False as soon as a write fails after changing rows (SQLite's count of changed rows moved) or
    /// with a <see cref="SqliteException"/> (which may have ended the transaction); the batch must then
    /// be run again with savepoints, in a new transaction.
    /// </returns>
    private static bool TryRunWithoutSavepoints(SqliteTransaction transaction, List<PendingWrite> batch, SqliteFunnelTally funnel)
    {
        var connection = transaction.Connection!.Handle;
        foreach (var write in batch)
        {
            var changes = raw.sqlite3_total_changes(connection);
            if (write.Run(transaction))
            {
                funnel.Keep();
            }
            else if (write.Failure is not SqliteException && raw.sqlite3_total_changes(connection) == changes)
            {
                funnel.Discard();
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs each write in a savepoint of its own, so that one that fails keeps none of its changes and the others stay.</summary>
    private static void RunInSavepoints(SqliteTransaction transaction, List<PendingWrite> batch, SqliteFunnelTally funnel)
    {
        // Kept prepared: SqliteTransaction.Save and Release compile their statement on every call.
        var save = transaction.Cached("SAVEPOINT w;");
        var release = transaction.Cached("RELEASE w;");
        foreach (var write in batch)
        {
            save.ExecuteNonQuery();
            if (write.Run(transaction))
            {
                release.ExecuteNonQuery();
                funnel.Keep();
            }
            else
            {
                funnel.Discard();

                // Fails the whole batch if the transaction itself is gone (SQLite rolled it back).
                transaction.Rollback("w");
                transaction.Release("w");
            }
        }
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
