using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>Short-hands for commands and parameters.</summary>
internal static class SqliteCommands
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> CachedCommands = [];

    /// <summary>A command in <paramref name="transaction"/>.</summary>
    public static SqliteCommand Command(this SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>A command outside a transaction.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// A command in <paramref name="transaction"/> kept prepared on its connection for this SQL text: for the
    /// statements of the hot path. Its parameters keep their objects and last values, so a caller sets every
    /// one (<see cref="With(SqliteCommand, string, object?)"/>). Do not dispose it; it closes with the connection.
    /// </summary>
    /// <remarks>
    /// Microsoft.Data.Sqlite compiles a command's SQL on its first execution and keeps the compiled
    /// statements as long as the command lives; a new command per call compiled every statement anew
    /// (SQLite's parser was about a tenth of the send path's CPU). A connection is used by one caller at
    /// a time (the pool's lease), so its commands are too.
    /// </remarks>
    public static SqliteCommand Cached(this SqliteTransaction transaction, string sql)
    {
        var command = transaction.Connection!.Cached(sql);
        command.Transaction = transaction;
        return command;
    }

    /// <summary>A command outside a transaction, kept prepared on <paramref name="connection"/>; see <see cref="Cached(SqliteTransaction, string)"/>.</summary>
    public static SqliteCommand Cached(this SqliteConnection connection, string sql)
    {
        var commands = CachedCommands.GetValue(connection, static _ => new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.Command(sql);
            commands.Add(sql, command);
        }

        command.Transaction = null;
        return command;
    }

    /// <summary>Adds a parameter, or sets it when the command has it already (a cached one); <see langword="null"/> becomes SQL NULL.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        var index = command.Parameters.IndexOf(name);
        if (index >= 0)
        {
            command.Parameters[index].Value = value ?? DBNull.Value;
        }
        else
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Adds a time parameter, in microseconds since the Unix epoch.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, DateTimeOffset? value) =>
        command.With(name, value is { } time ? SqliteTime.ToDb(time) : null);

    /// <summary>Sets an existing parameter, for commands reused within a batch.</summary>
    public static void Set(this SqliteCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;

    /// <summary>The column as a string, or <see langword="null"/>.</summary>
    public static string? GetStringOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The column as a time, or <see langword="null"/>.</summary>
    public static DateTimeOffset? GetTimeOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : SqliteTime.FromDb(reader.GetInt64(ordinal));

    /// <summary>The column as a time.</summary>
    public static DateTimeOffset GetTime(this SqliteDataReader reader, int ordinal) => SqliteTime.FromDb(reader.GetInt64(ordinal));

    /// <summary>The column as an enum stored by name.</summary>
    public static TEnum GetEnum<TEnum>(this SqliteDataReader reader, int ordinal)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(reader.GetString(ordinal));
}
