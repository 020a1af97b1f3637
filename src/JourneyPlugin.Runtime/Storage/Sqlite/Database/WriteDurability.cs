namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>How far a write is on disk when it returns.</summary>
internal enum WriteDurability
{
    /// <summary><c>synchronous=NORMAL</c>: survives a killed process; a power loss may roll it back (to a consistent point).</summary>
    Normal,

    /// <summary><c>synchronous=FULL</c>: synced, together with every commit before it, before it returns.</summary>
    Full,
}
