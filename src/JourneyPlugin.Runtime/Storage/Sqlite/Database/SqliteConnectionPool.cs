using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>
/// A small pool of open, configured connections to one database file.
/// </summary>
/// <remarks>
/// Our own pool rather than Microsoft.Data.Sqlite's: the per-connection pragmas (busy timeout,
/// foreign keys, synchronous) are set once per physical connection and tracked, and disposing the
/// pool closes every file handle, so the WAL is checkpointed and the files can be moved or deleted.
/// </remarks>
internal sealed class SqliteConnectionPool : IDisposable
{
    private readonly ConcurrentQueue<(SqliteConnection Connection, WriteDurability? Synchronous)> _idle = new();
    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly int _maxIdle;
    private int _idleCount;
    private volatile bool _disposed;

    public SqliteConnectionPool(string databasePath, TimeSpan busyTimeout, int maxIdle)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy statement until the command timeout; SQLite's own
            // busy handler (below) already waits, so this only bounds the total.
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        }.ToString();
        _busyTimeoutMilliseconds = (int)Math.Min(int.MaxValue, busyTimeout.TotalMilliseconds);
        _maxIdle = maxIdle;
    }

    /// <summary>Borrows an open connection; dispose the lease to give it back.</summary>
    public SqliteConnectionLease Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryDequeue(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return new SqliteConnectionLease(this, idle.Connection) { Synchronous = idle.Synchronous };
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON;");
            command.ExecuteNonQuery();
            return new SqliteConnectionLease(this, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Takes a connection back, keeping it open unless the pool is full, closed or the connection broken.</summary>
    internal void Return(SqliteConnectionLease lease)
    {
        if (!_disposed && !lease.Broken)
        {
            if (Interlocked.Increment(ref _idleCount) <= _maxIdle)
            {
                _idle.Enqueue((lease.Connection, lease.Synchronous));
                if (_disposed)
                {
                    // Disposed meanwhile: do not leave a file handle open.
                    Drain();
                }

                return;
            }

            Interlocked.Decrement(ref _idleCount);
        }

        lease.Connection.Dispose();
    }

    /// <summary>Closes every idle connection; leased ones close when returned.</summary>
    public void Dispose()
    {
        _disposed = true;
        Drain();
    }

    private void Drain()
    {
        while (_idle.TryDequeue(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            idle.Connection.Dispose();
        }
    }
}
