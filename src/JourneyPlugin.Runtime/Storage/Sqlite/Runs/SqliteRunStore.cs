using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>Campaign runs and their funnel counters in SQLite.</summary>
internal sealed class SqliteRunStore(SqliteDatabase database) : IRunStore
{
    private const string Columns = "run_id, definition_id, name, status, audience_name, enrolment_cursor, rows_rejected, created_at, updated_at";

    /// <inheritdoc />
    public Task<RunRecord> CreateAsync(string runId, string definitionId, string name, string? audienceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(definitionId);
        ArgumentNullException.ThrowIfNull(name);
        return database.WriteAsync(WriteDurability.Normal, transaction =>
        {
            using var insert = transaction.Command("""
                INSERT INTO runs (run_id, definition_id, name, status, audience_name, created_at, updated_at)
                VALUES ($id, $definition, $name, $status, $audience, $now, $now)
                ON CONFLICT (run_id) DO NOTHING;
                """)
                .With("$id", runId).With("$definition", definitionId).With("$name", name).With("$status", nameof(RunStatus.Created))
                .With("$audience", audienceName).With("$now", database.Time.GetUtcNow());
            insert.ExecuteNonQuery();
            return Find(transaction.Connection!, transaction, runId)!;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return database.ReadAsync(connection => Find(connection, null, runId), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RunRecord>> ListAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        return database.ReadAsync<IReadOnlyList<RunRecord>>(connection =>
        {
            using var query = connection.Command($"SELECT {Columns} FROM runs ORDER BY created_at DESC, run_id LIMIT $take OFFSET $skip;")
                .With("$take", take).With("$skip", skip);
            using var reader = query.ExecuteReader();
            var runs = new List<RunRecord>();
            while (reader.Read())
            {
                runs.Add(Read(reader));
            }

            return runs;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<RunRecord> UpdateStatusAsync(string runId, RunStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Not a run status.");
        }

        return database.WriteAsync(WriteDurability.Normal, transaction =>
        {
            var run = Find(transaction.Connection!, transaction, runId) ?? throw NotFound(runId);
            if (run.Status == status)
            {
                return run;
            }

            if (!RunStatusTransitions.IsAllowed(run.Status, status))
            {
                throw new InvalidRunTransitionException(runId, run.Status, status);
            }

            var now = database.Time.GetUtcNow();
            using var update = transaction.Command("UPDATE runs SET status = $status, updated_at = $now WHERE run_id = $id;")
                .With("$status", status.ToString()).With("$now", now).With("$id", runId);
            update.ExecuteNonQuery();
            SqliteStorageLog.RunStatusChanged(database.Logger, runId, run.Status, status);
            return run with { Status = status, UpdatedAt = now };
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task AdvanceEnrolmentAsync(string runId, long rowNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(rowNumber);
        return database.WriteAsync(WriteDurability.Normal, transaction =>
        {
            using var update = transaction.Command("""
                UPDATE runs
                SET updated_at = CASE WHEN enrolment_cursor < $row THEN $now ELSE updated_at END,
                    enrolment_cursor = max(enrolment_cursor, $row)
                WHERE run_id = $id;
                """)
                .With("$row", rowNumber).With("$now", database.Time.GetUtcNow()).With("$id", runId);
            return update.ExecuteNonQuery() == 1 ? true : throw NotFound(runId);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RecordRejectedRowAsync(string runId, long rowNumber, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowNumber);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return database.WriteAsync(WriteDurability.Normal, transaction =>
        {
            EnsureExists(transaction, runId);
            var now = database.Time.GetUtcNow();
            using var insert = transaction.Command("""
                INSERT INTO run_rejected_rows (run_id, row_number, reason, recorded_at) VALUES ($id, $row, $reason, $now)
                ON CONFLICT (run_id, row_number) DO NOTHING;
                """)
                .With("$id", runId).With("$row", rowNumber).With("$reason", reason).With("$now", now);
            if (insert.ExecuteNonQuery() == 0)
            {
                return false;
            }

            using var count = transaction.Command("UPDATE runs SET rows_rejected = rows_rejected + 1, updated_at = $now WHERE run_id = $id;")
                .With("$now", now).With("$id", runId);
            count.ExecuteNonQuery();
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RejectedRow>> ListRejectedRowsAsync(string runId, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        return database.ReadAsync<IReadOnlyList<RejectedRow>>(connection =>
        {
            using var query = connection.Command("""
                SELECT row_number, reason, recorded_at FROM run_rejected_rows WHERE run_id = $id ORDER BY row_number LIMIT $take OFFSET $skip;
                """)
                .With("$id", runId).With("$take", take).With("$skip", skip);
            using var reader = query.ExecuteReader();
            var rows = new List<RejectedRow>();
            while (reader.Read())
            {
                rows.Add(new RejectedRow(runId, reader.GetInt64(0), reader.GetString(1), reader.GetTime(2)));
            }

            return rows;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task IncrementAsync(string runId, string? activityId, FunnelCounter counter, string? reason = null, long delta = 1, CancellationToken cancellationToken = default)
    {
        var increment = new FunnelIncrement(runId, activityId, counter, reason, delta);
        Validate(increment, null);
        return IncrementCoreAsync([increment], cancellationToken);
    }

    /// <inheritdoc />
    public Task IncrementManyAsync(IReadOnlyList<FunnelIncrement> increments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(increments);
        for (var i = 0; i < increments.Count; i++)
        {
            Validate(increments[i], $"{nameof(increments)}[{i}]");
        }

        return increments.Count == 0 ? Task.CompletedTask : IncrementCoreAsync(increments, cancellationToken);
    }

    private Task<int> IncrementCoreAsync(IReadOnlyList<FunnelIncrement> increments, CancellationToken cancellationToken) =>
        database.WriteAsync(WriteDurability.Normal, transaction =>
        {
            foreach (var runId in increments.Select(i => i.RunId).Distinct(StringComparer.Ordinal))
            {
                EnsureExists(transaction, runId);
            }

            SqliteFunnelCounters.Add(transaction, increments);
            return increments.Count;
        }, cancellationToken);

    /// <inheritdoc />
    public Task<RunFunnel> GetFunnelAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return database.ReadAsync(connection =>
        {
            _ = Find(connection, null, runId) ?? throw NotFound(runId);
            using var query = connection.Command("SELECT activity_id, counter, reason, value FROM funnel_counters WHERE run_id = $id;").With("$id", runId);
            using var reader = query.ExecuteReader();
            var funnel = new SqliteFunnelBuilder();
            while (reader.Read())
            {
                funnel.Add(reader.GetString(0), reader.GetEnum<FunnelCounter>(1), reader.GetString(2), reader.GetInt64(3));
            }

            return funnel.Build(runId);
        }, cancellationToken);
    }

    private static RunRecord? Find(SqliteConnection connection, SqliteTransaction? transaction, string runId)
    {
        using var query = connection.Command($"SELECT {Columns} FROM runs WHERE run_id = $id;").With("$id", runId);
        query.Transaction = transaction;
        using var reader = query.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static void EnsureExists(SqliteTransaction transaction, string runId)
    {
        using var query = transaction.Command("SELECT 1 FROM runs WHERE run_id = $id;").With("$id", runId);
        if (query.ExecuteScalar() is null)
        {
            throw NotFound(runId);
        }
    }

    private static RunRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetEnum<RunStatus>(3),
        reader.GetStringOrNull(4),
        reader.GetInt64(5),
        reader.GetInt64(6),
        reader.GetTime(7),
        reader.GetTime(8));

    private static KeyNotFoundException NotFound(string runId) => new($"No run '{runId}'.");

    private static void Validate(FunnelIncrement? increment, string? name)
    {
        if (increment is null)
        {
            throw new ArgumentNullException(name ?? "increment");
        }

        ArgumentException.ThrowIfNullOrEmpty(increment.RunId, name is null ? "runId" : $"{name}.{nameof(increment.RunId)}");
        if (increment.ActivityId is { Length: 0 })
        {
            throw new ArgumentException("The activity id must be null (the run as a whole) or not empty.", name is null ? "activityId" : $"{name}.{nameof(increment.ActivityId)}");
        }

        if (!Enum.IsDefined(increment.Counter))
        {
            throw new ArgumentOutOfRangeException(name is null ? "counter" : $"{name}.{nameof(increment.Counter)}", increment.Counter, "Not a funnel counter.");
        }

        if (increment.Delta < 0)
        {
            throw new ArgumentOutOfRangeException(name is null ? "delta" : $"{name}.{nameof(increment.Delta)}", increment.Delta, "Funnel counters only grow.");
        }
    }
}
