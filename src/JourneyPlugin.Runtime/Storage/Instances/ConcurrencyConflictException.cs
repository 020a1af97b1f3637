namespace JourneyPlugin.Runtime.Storage;

/// <summary>
/// A save named a version that is not the stored one: another writer changed (or created) the row
/// first. Reload and re-apply, or give up the turn.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyConflictException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a save of <paramref name="key"/>.</summary>
    /// <param name="key">The id of the row.</param>
    /// <param name="expectedVersion">The version the writer read (0: it expected no row).</param>
    /// <param name="actualVersion">The stored version (0: no row).</param>
    public ConcurrencyConflictException(string key, long expectedVersion, long actualVersion)
        : base(Describe(key, expectedVersion, actualVersion))
    {
        Key = key;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The id of the row, when known.</summary>
    public string? Key { get; }

    /// <summary>The version the writer expected (0: no row).</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version found (0: no row).</summary>
    public long ActualVersion { get; }

    private static string Describe(string key, long expected, long actual) => (expected, actual) switch
    {
        (0, _) => $"'{key}' already exists (version {actual}); it cannot be inserted again.",
        (_, 0) => $"'{key}' does not exist; expected version {expected}.",
        _ => $"'{key}' is at version {actual}, not the expected version {expected}.",
    };
}
