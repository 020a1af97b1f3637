namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>The webhook inbox in SQLite; additions are synced because the vendor is told "received" right after.</summary>
internal sealed class SqliteWebhookInbox(SqliteDatabase database) : IWebhookInbox
{
    /// <inheritdoc />
    public Task<long> AddAsync(string source, string kind, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        return database.WriteAsync(WriteDurability.Full, transaction =>
        {
            using var insert = transaction.Command("""
                INSERT INTO webhook_inbox (source, kind, body, received_at, attempts) VALUES ($source, $kind, $body, $now, 0) RETURNING id;
                """)
                .With("$source", source).With("$kind", kind).With("$body", body.ToArray()).With("$now", database.Time.GetUtcNow());
            return (long)insert.ExecuteScalar()!;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task CompleteAsync(long id, CancellationToken cancellationToken = default) =>
        database.WriteAsync(WriteDurability.Normal, transaction =>
        {
            // Normal durability: if the delete is lost, the body is applied once more, which changes nothing.
            using var delete = transaction.Command("DELETE FROM webhook_inbox WHERE id = $id;").With("$id", id);
            return delete.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public Task RecordFailureAsync(long id, string reason, CancellationToken cancellationToken = default) =>
        database.WriteAsync(WriteDurability.Normal, transaction =>
        {
            using var update = transaction.Command("UPDATE webhook_inbox SET attempts = attempts + 1, last_error = $error WHERE id = $id;")
                .With("$id", id).With("$error", reason);
            return update.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public Task SetAsideAsync(long id, string reason, CancellationToken cancellationToken = default) =>
        database.WriteAsync(WriteDurability.Normal, transaction =>
        {
            using var update = transaction.Command("UPDATE webhook_inbox SET attempts = attempts + 1, last_error = $error, set_aside_at = $now WHERE id = $id;")
                .With("$id", id).With("$error", reason).With("$now", database.Time.GetUtcNow());
            return update.ExecuteNonQuery();
        }, cancellationToken);

    /// <inheritdoc />
    public Task<int> CountSetAsideAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync(connection =>
        {
            // The inbox holds only bodies not applied yet, so this counts few rows.
            using var query = connection.Command("SELECT count(*) FROM webhook_inbox WHERE set_aside_at IS NOT NULL;");
            return Convert.ToInt32(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<WebhookInboxEntry>> ListPendingAsync(DateTimeOffset receivedBefore, int limit, long afterId = 0, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<WebhookInboxEntry>>(connection =>
        {
            using var query = connection.Command("""
                SELECT id, source, kind, body, received_at, attempts FROM webhook_inbox
                WHERE id > $after AND received_at < $before AND set_aside_at IS NULL
                ORDER BY id LIMIT $limit;
                """)
                .With("$before", receivedBefore).With("$limit", limit).With("$after", afterId);
            using var reader = query.ExecuteReader();
            var entries = new List<WebhookInboxEntry>();
            while (reader.Read())
            {
                entries.Add(new WebhookInboxEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3), reader.GetTime(4), reader.GetInt32(5)));
            }

            return entries;
        }, cancellationToken);
}
