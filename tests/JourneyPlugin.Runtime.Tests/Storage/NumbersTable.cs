using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Runtime.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Tests.Storage;

/// <summary>A one-column table the group-commit tests write to and read back.</summary>
internal static class NumbersTable
{
    public static Task CreateAsync(SqliteDatabase database) =>
        database.WriteAsync(WriteDurability.Normal, t => t.Command("CREATE TABLE numbers (n INTEGER NOT NULL);").ExecuteNonQuery(), default);

    public static int Insert(SqliteTransaction transaction, int n)
    {
        using var insert = transaction.Command("INSERT INTO numbers (n) VALUES ($n);").With("$n", n);
        return insert.ExecuteNonQuery();
    }

    public static List<long> Read(SqliteConnection connection)
    {
        using var query = connection.Command("SELECT n FROM numbers ORDER BY n;");
        using var reader = query.ExecuteReader();
        var numbers = new List<long>();
        while (reader.Read())
        {
            numbers.Add(reader.GetInt64(0));
        }

        return numbers;
    }
}
