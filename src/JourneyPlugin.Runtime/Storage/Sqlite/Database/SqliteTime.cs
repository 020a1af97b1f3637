namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>
/// Times are stored as integers, microseconds since the Unix epoch in UTC: they sort and index as
/// numbers, and match PostgreSQL's <c>timestamptz</c> precision so both stores return the same values.
/// </summary>
internal static class SqliteTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static long ToDb(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    public static DateTimeOffset FromDb(long value) => new(DateTimeOffset.UnixEpoch.UtcTicks + (value * TicksPerMicrosecond), TimeSpan.Zero);
}
