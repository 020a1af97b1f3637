namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>Where and how the embedded SQLite database is kept.</summary>
public sealed class SqliteStorageOptions
{
    /// <summary>The folder of the database file, relative to the working directory unless rooted. Default <c>data</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The database file name. Default <c>journeys.db</c>.</summary>
    public string FileName { get; set; } = "journeys.db";

    /// <summary>How long a write waits for another process's write to finish before failing. Default 10 s.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether every write is synced to disk before it returns. When <see langword="false"/> (the
    /// default), writes that precede something outside the database — ledger writes before a vendor
    /// call, delivery reports, inbound messages, opt-outs and held replies before a webhook's answer —
    /// are synced (<c>synchronous=FULL</c>), and the rest (instance state, runs, counters) use
    /// <c>synchronous=NORMAL</c>. Both survive a killed process. After a power loss, WAL mode rolls the
    /// database back to a consistent earlier point at most, and never past a synced write, because
    /// syncing the log syncs every commit before it.
    /// </summary>
    public bool SyncEveryWrite { get; set; }

    /// <summary>How many open connections are kept for reuse. Default 8.</summary>
    public int MaxIdleConnections { get; set; } = 8;

    /// <summary>How long inbound vendor message ids are kept for deduplication. Default 7 days.</summary>
    public TimeSpan InboundDeduplicationRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
