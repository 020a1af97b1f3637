using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>An open connection borrowed from a <see cref="SqliteConnectionPool"/>; disposing it gives it back.</summary>
internal sealed class SqliteConnectionLease : IDisposable
{
    private readonly SqliteConnectionPool _pool;
    private bool _returned;

    internal SqliteConnectionLease(SqliteConnectionPool pool, SqliteConnection connection)
    {
        _pool = pool;
        Connection = connection;
    }

    /// <summary>The open connection.</summary>
    public SqliteConnection Connection { get; }

    /// <summary>The <c>synchronous</c> setting the connection has, to change it only when needed.</summary>
    internal WriteDurability? Synchronous { get; set; }

    /// <summary>Whether the connection must be closed rather than reused (it failed in a way that may have left it dirty).</summary>
    public bool Broken { get; set; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_returned)
        {
            _returned = true;
            _pool.Return(this);
        }
    }
}
