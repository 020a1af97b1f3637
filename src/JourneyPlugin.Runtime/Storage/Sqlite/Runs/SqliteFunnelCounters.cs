using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>
/// Adds funnel increments inside a caller's transaction, so a count commits with the change it counts
/// (an instance's step, a ledger row's delivery status): a crash can lose neither one without the other.
/// </summary>
internal static class SqliteFunnelCounters
{
    private static readonly ConditionalWeakTable<SqliteTransaction, SqliteFunnelTally> Tallies = [];

    // One upsert per counter: SQLite runs it under the write lock, so concurrent increments never lose one.
    // The EXISTS guard skips runs that are gone rather than failing the change being counted.
    private const string UpsertSql = """
        INSERT INTO funnel_counters (run_id, activity_id, counter, reason, value)
        SELECT $run, $activity, $counter, $reason, $delta WHERE EXISTS (SELECT 1 FROM runs WHERE run_id = $run)
        ON CONFLICT (run_id, activity_id, counter, reason) DO UPDATE SET value = value + excluded.value;
        """;

    /// <summary>
    /// Adds <paramref name="increments"/>; those of unknown runs are skipped. Within a group commit they
    /// go to its <see cref="SqliteFunnelTally"/>, upserted just before the commit.
    /// </summary>
    public static void Add(SqliteTransaction transaction, IReadOnlyList<FunnelIncrement> increments)
    {
        if (increments.Count == 0)
        {
            return;
        }

        if (Tallies.TryGetValue(transaction, out var tally))
        {
            tally.Add(increments);
        }
        else
        {
            Upsert(transaction, increments);
        }
    }

    /// <summary>Makes the increments added in <paramref name="transaction"/> go to <paramref name="tally"/>, until the transaction is gone.</summary>
    public static void TallyIn(SqliteTransaction transaction, SqliteFunnelTally tally) => Tallies.Add(transaction, tally);

    /// <summary>Runs one upsert per increment.</summary>
    internal static void Upsert(SqliteTransaction transaction, IEnumerable<FunnelIncrement> increments)
    {
        SqliteCommand? upsert = null;
        foreach (var increment in increments.Where(i => i.Delta != 0))
        {
            upsert ??= transaction.Cached(UpsertSql)
                .With("$run", (object?)null).With("$activity", (object?)null).With("$counter", (object?)null).With("$reason", (object?)null).With("$delta", (object?)null);
            upsert.Set("$run", increment.RunId);
            upsert.Set("$activity", increment.ActivityId ?? string.Empty);
            upsert.Set("$counter", increment.Counter.ToString());
            upsert.Set("$reason", increment.Reason ?? string.Empty);
            upsert.Set("$delta", increment.Delta);
            upsert.ExecuteNonQuery();
        }
    }
}
