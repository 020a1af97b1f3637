using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>Journey instances, their bookmark index and the timeout table, in SQLite.</summary>
internal sealed class SqliteJourneyInstanceStore(SqliteDatabase database) : IJourneyInstanceStore
{
    private const string SummaryColumns = "instance_id, definition_id, run_id, customer_key, status, next_due_at, created_at, updated_at, version";

    /// <inheritdoc />
    public Task<StoredInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return database.ReadAsync<StoredInstance?>(connection =>
        {
            var query = connection.Cached($"SELECT {SummaryColumns}, state_json FROM instances WHERE instance_id = $id;").With("$id", instanceId);
            using var reader = query.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var summary = ReadSummary(reader);
            var stateJson = reader.GetString(9);
            reader.Close();

            var bookmarks = connection.Cached("SELECT hash FROM bookmarks WHERE instance_id = $id ORDER BY hash;").With("$id", instanceId);
            using var hashes = bookmarks.ExecuteReader();
            var waitingOn = new List<string>();
            while (hashes.Read())
            {
                waitingOn.Add(hashes.GetString(0));
            }

            return new StoredInstance(
                summary.InstanceId, summary.DefinitionId, summary.RunId, summary.CustomerKey, summary.Status, stateJson,
                summary.NextDueAt, waitingOn, summary.CreatedAt, summary.UpdatedAt, summary.Version);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> SaveAsync(StoredInstance instance, long expectedVersion, CancellationToken cancellationToken = default) =>
        SaveAsync(instance, expectedVersion, [], cancellationToken);

    /// <inheritdoc />
    public Task<long> SaveAsync(StoredInstance instance, long expectedVersion, IReadOnlyList<FunnelIncrement> funnel, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        Validate(instance);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var waitingOn = instance.WaitingOn.Distinct(StringComparer.Ordinal).ToArray();

        return database.WriteAsync(WriteDurability.Normal, transaction =>
        {
            var newVersion = expectedVersion == 0 ? Insert(transaction, instance) : Update(transaction, instance, expectedVersion);
            if (newVersion == 0)
            {
                var actual = VersionOf(transaction, instance.InstanceId);
                SqliteStorageLog.ConcurrencyConflict(database.Logger, instance.InstanceId, expectedVersion, actual);
                throw new ConcurrencyConflictException(instance.InstanceId, expectedVersion, actual);
            }

            ReplaceBookmarks(transaction, instance.InstanceId, waitingOn, isNew: expectedVersion == 0);
            SqliteFunnelCounters.Add(transaction, funnel);
            return newVersion;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlySet<string>> InsertNewAsync(IReadOnlyList<StoredInstance> instances, Func<StoredInstance, IEnumerable<FunnelIncrement>> funnelOfInserted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(funnelOfInserted);
        foreach (var instance in instances)
        {
            Validate(instance);
        }

        return database.WriteAsync<IReadOnlySet<string>>(WriteDurability.Normal, transaction =>
        {
            var inserted = new HashSet<string>(StringComparer.Ordinal);
            var funnel = new List<FunnelIncrement>();
            foreach (var instance in instances)
            {
                if (inserted.Contains(instance.InstanceId) || Insert(transaction, instance) == 0)
                {
                    continue;
                }

                inserted.Add(instance.InstanceId);
                ReplaceBookmarks(transaction, instance.InstanceId, [.. instance.WaitingOn.Distinct(StringComparer.Ordinal)], isNew: true);
                funnel.AddRange(funnelOfInserted(instance));
            }

            SqliteFunnelCounters.Add(transaction, funnel);
            return inserted;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindWaitingAsync(string bookmarkHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bookmarkHash);
        return database.ReadAsync<IReadOnlyList<string>>(connection =>
        {
            var query = connection.Cached("SELECT instance_id FROM bookmarks WHERE hash = $hash ORDER BY instance_id;").With("$hash", bookmarkHash);
            using var reader = query.ExecuteReader();
            var ids = new List<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DueInstance>> FindDueAsync(DateTimeOffset now, int limit, DueInstance? after = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.ReadAsync<IReadOnlyList<DueInstance>>(connection =>
        {
            using var query = after is null
                ? connection.Command(FindDueSql).With("$now", now).With("$limit", limit)
                : connection.Command(FindDueAfterSql).With("$now", now).With("$limit", limit).With("$afterDue", after.DueAt).With("$afterId", after.InstanceId);
            using var reader = query.ExecuteReader();
            var due = new List<DueInstance>();
            while (reader.Read())
            {
                due.Add(new DueInstance(reader.GetString(0), reader.GetTime(1)));
            }

            return due;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredInstanceSummary>> ListByRunAsync(string runId, int skip, int take, CancellationToken cancellationToken = default) =>
        ListByRunCoreAsync(runId, null, skip, take, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredInstanceSummary>> ListByRunAsync(string runId, string status, int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(status);
        return ListByRunCoreAsync(runId, status, skip, take, cancellationToken);
    }

    private Task<IReadOnlyList<StoredInstanceSummary>> ListByRunCoreAsync(string runId, string? status, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        return database.ReadAsync<IReadOnlyList<StoredInstanceSummary>>(connection =>
        {
            using var query = connection.Command($"SELECT {SummaryColumns} FROM instances WHERE run_id = $run AND ($status IS NULL OR status = $status) ORDER BY instance_id LIMIT $take OFFSET $skip;")
                .With("$run", runId).With("$status", status).With("$take", take).With("$skip", skip);
            using var reader = query.ExecuteReader();
            var page = new List<StoredInstanceSummary>();
            while (reader.Read())
            {
                page.Add(ReadSummary(reader));
            }

            return page;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountByStatusAsync(string runId, string status, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        ArgumentException.ThrowIfNullOrEmpty(status);
        return database.ReadAsync(connection =>
        {
            using var query = connection.Command("SELECT count(*) FROM instances WHERE run_id = $run AND status = $status;")
                .With("$run", runId).With("$status", status);
            return Convert.ToInt32(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, int>> CountStatusesAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return database.ReadAsync<IReadOnlyDictionary<string, int>>(connection =>
        {
            using var query = connection.Command("SELECT status, count(*) FROM instances WHERE run_id = $run GROUP BY status;").With("$run", runId);
            using var reader = query.ExecuteReader();
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            while (reader.Read())
            {
                counts[reader.GetString(0)] = reader.GetInt32(1);
            }

            return counts;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> HasActiveAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        return database.ReadAsync(connection =>
        {
            using var query = connection.Command(HasActiveSql).With("$run", runId);
            return query.ExecuteScalar() is 1L;
        }, cancellationToken);
    }

    /// <summary>The query of <see cref="HasActiveAsync"/>, exposed so a test can check its plan.</summary>
    internal const string HasActiveSql =
        "SELECT EXISTS (SELECT 1 FROM instances WHERE run_id = $run AND status IN ('Running', 'Suspended'));";

    /// <summary>The query of <see cref="FindDueAsync"/>'s first page, exposed so a test can check its plan.</summary>
    internal const string FindDueSql =
        "SELECT instance_id, next_due_at FROM instances WHERE next_due_at IS NOT NULL AND next_due_at <= $now ORDER BY next_due_at, instance_id LIMIT $limit;";

    /// <summary>The query of <see cref="FindDueAsync"/>'s next pages: a range of the same index, after the last row seen.</summary>
    internal const string FindDueAfterSql =
        "SELECT instance_id, next_due_at FROM instances WHERE next_due_at IS NOT NULL AND next_due_at <= $now AND (next_due_at, instance_id) > ($afterDue, $afterId) ORDER BY next_due_at, instance_id LIMIT $limit;";

    private static long Insert(SqliteTransaction transaction, StoredInstance instance)
    {
        var insert = transaction.Cached("""
            INSERT INTO instances (instance_id, definition_id, run_id, customer_key, status, state_json, next_due_at, created_at, updated_at, version)
            VALUES ($id, $definition, $run, $customer, $status, $state, $due, $created, $updated, 1)
            ON CONFLICT (instance_id) DO NOTHING;
            """);
        AddColumns(insert, instance).With("$created", instance.CreatedAt);
        return insert.ExecuteNonQuery() == 1 ? 1 : 0;
    }

    private static long Update(SqliteTransaction transaction, StoredInstance instance, long expectedVersion)
    {
        var update = transaction.Cached("""
            UPDATE instances
            SET definition_id = $definition, run_id = $run, customer_key = $customer, status = $status, state_json = $state,
                next_due_at = $due, updated_at = $updated, version = version + 1
            WHERE instance_id = $id AND version = $expected;
            """);
        AddColumns(update, instance).With("$expected", expectedVersion);
        return update.ExecuteNonQuery() == 1 ? expectedVersion + 1 : 0;
    }

    private static SqliteCommand AddColumns(SqliteCommand command, StoredInstance instance) => command
        .With("$id", instance.InstanceId)
        .With("$definition", instance.DefinitionId)
        .With("$run", instance.RunId)
        .With("$customer", instance.CustomerKey)
        .With("$status", instance.Status)
        .With("$state", instance.StateJson)
        .With("$due", instance.NextDueAt)
        .With("$updated", instance.UpdatedAt);

    private static long VersionOf(SqliteTransaction transaction, string instanceId)
    {
        using var query = transaction.Command("SELECT version FROM instances WHERE instance_id = $id;").With("$id", instanceId);
        return query.ExecuteScalar() is long version ? version : 0;
    }

    private static void ReplaceBookmarks(SqliteTransaction transaction, string instanceId, string[] waitingOn, bool isNew)
    {
        if (!isNew)
        {
            var delete = transaction.Cached("DELETE FROM bookmarks WHERE instance_id = $id;").With("$id", instanceId);
            delete.ExecuteNonQuery();
        }

        if (waitingOn.Length == 0)
        {
            return;
        }

        var insert = transaction.Cached("INSERT INTO bookmarks (hash, instance_id) VALUES ($hash, $id);")
            .With("$hash", (object?)null).With("$id", instanceId);
        foreach (var hash in waitingOn)
        {
            insert.Set("$hash", hash);
            insert.ExecuteNonQuery();
        }
    }

    private static StoredInstanceSummary ReadSummary(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetStringOrNull(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetTimeOrNull(5),
        reader.GetTime(6),
        reader.GetTime(7),
        reader.GetInt64(8));

    private static void Validate(StoredInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentException.ThrowIfNullOrEmpty(instance.InstanceId, $"{nameof(instance)}.{nameof(instance.InstanceId)}");
        ArgumentException.ThrowIfNullOrEmpty(instance.DefinitionId, $"{nameof(instance)}.{nameof(instance.DefinitionId)}");
        ArgumentException.ThrowIfNullOrEmpty(instance.CustomerKey, $"{nameof(instance)}.{nameof(instance.CustomerKey)}");
        ArgumentException.ThrowIfNullOrEmpty(instance.Status, $"{nameof(instance)}.{nameof(instance.Status)}");
        ArgumentNullException.ThrowIfNull(instance.StateJson, $"{nameof(instance)}.{nameof(instance.StateJson)}");
        ArgumentNullException.ThrowIfNull(instance.WaitingOn, $"{nameof(instance)}.{nameof(instance.WaitingOn)}");
        if (instance.RunId is { Length: 0 })
        {
            throw new ArgumentException("The run id must be null or not empty.", $"{nameof(instance)}.{nameof(instance.RunId)}");
        }

        foreach (var hash in instance.WaitingOn)
        {
            if (string.IsNullOrEmpty(hash))
            {
                throw new ArgumentException("Bookmark hashes must not be null or empty.", $"{nameof(instance)}.{nameof(instance.WaitingOn)}");
            }
        }
    }
}
