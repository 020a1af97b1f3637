using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>
/// The funnel increments of one group commit's writes, added up per counter and upserted once just
/// before it commits: a commit of a few hundred campaign saves then costs a few upserts, not a few
/// hundred. A write that fails leaves its increments out, as its changes are left out.
/// </summary>
internal sealed class SqliteFunnelTally
{
    private readonly Dictionary<(string RunId, string ActivityId, FunnelCounter Counter, string Reason), long> _kept = [];
    private readonly List<FunnelIncrement> _pending = [];

    /// <summary>A tally that takes the increments of the writes run in <paramref name="transaction"/>.</summary>
    public static SqliteFunnelTally In(SqliteTransaction transaction)
    {
        var tally = new SqliteFunnelTally();
        SqliteFunnelCounters.TallyIn(transaction, tally);
        return tally;
    }

    /// <summary>Takes the increments of the write running now.</summary>
    public void Add(IReadOnlyList<FunnelIncrement> increments) => _pending.AddRange(increments);

    /// <summary>The write running now succeeded: its increments are kept for the commit.</summary>
    public void Keep()
    {
        foreach (var increment in _pending)
        {
            var key = (increment.RunId, increment.ActivityId ?? string.Empty, increment.Counter, increment.Reason ?? string.Empty);
            _kept[key] = _kept.GetValueOrDefault(key) + increment.Delta;
        }

        _pending.Clear();
    }

    /// <summary>The write running now failed and was rolled back: so are its increments.</summary>
    public void Discard() => _pending.Clear();

    /// <summary>Upserts what was kept, in <paramref name="transaction"/>, before it commits.</summary>
    public void Flush(SqliteTransaction transaction)
    {
        SqliteFunnelCounters.Upsert(transaction, _kept.Select(k => new FunnelIncrement(k.Key.RunId, k.Key.ActivityId, k.Key.Counter, k.Key.Reason, k.Value)));
        _kept.Clear();
    }
}
