using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>Short-hands for commands and parameters.</summary>
internal static class SqliteCommands
{
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

    /// <summary>Adds a parameter; <see langword="null"/> becomes SQL NULL.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
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
