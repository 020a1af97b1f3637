using JourneyPlugin.WhatsApp.Conversations;
using JourneyPlugin.WhatsApp.PhoneNumbers;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>
/// Conversations, inbound deduplication and held replies in SQLite. Writes are synced before they
/// return: each precedes the answer to a webhook, after which the vendor will not send it again.
/// </summary>
internal sealed class SqliteConversationStore(SqliteDatabase database) : IConversationStore
{
    /// <inheritdoc />
    public async ValueTask<ConversationState> GetAsync(string sender, string customer, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sender);
        ArgumentException.ThrowIfNullOrEmpty(customer);
        return await database.ReadAsync(connection =>
        {
            var query = connection.Cached("SELECT last_inbound_at, opted_out FROM conversations WHERE sender = $sender AND customer = $customer;")
                .With("$sender", sender).With("$customer", customer);
            using var reader = query.ExecuteReader();
            return reader.Read() ? new ConversationState(reader.GetTimeOrNull(0), reader.GetBoolean(1)) : ConversationState.None;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<bool> RecordInboundAsync(string sender, string customer, string vendorMessageId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sender);
        ArgumentException.ThrowIfNullOrEmpty(customer);
        ArgumentException.ThrowIfNullOrEmpty(vendorMessageId);
        return database.WriteAsync(WriteDurability.Full, transaction =>
        {
            var now = database.Time.GetUtcNow();
            using var dedupe = transaction.Command("""
                INSERT INTO inbound_messages (vendor_message_id, sender, customer, received_at, recorded_at)
                VALUES ($id, $sender, $customer, $receivedAt, $now)
                ON CONFLICT (vendor_message_id) DO NOTHING;
                """)
                .With("$id", vendorMessageId).With("$sender", sender).With("$customer", customer).With("$receivedAt", receivedAt).With("$now", now);
            if (dedupe.ExecuteNonQuery() == 0)
            {
                return false;
            }

            // The window only moves forward: a late, older message does not shorten it.
            using var upsert = transaction.Command("""
                INSERT INTO conversations (sender, customer, last_inbound_at, opted_out, updated_at)
                VALUES ($sender, $customer, $receivedAt, 0, $now)
                ON CONFLICT (sender, customer) DO UPDATE SET
                    last_inbound_at = CASE
                        WHEN last_inbound_at IS NULL OR last_inbound_at < excluded.last_inbound_at THEN excluded.last_inbound_at
                        ELSE last_inbound_at END,
                    updated_at = excluded.updated_at;
                """)
                .With("$sender", sender).With("$customer", customer).With("$receivedAt", receivedAt).With("$now", now);
            upsert.ExecuteNonQuery();
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task SetOptedOutAsync(string sender, string customer, bool optedOut, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sender);
        ArgumentException.ThrowIfNullOrEmpty(customer);
        return database.WriteAsync(WriteDurability.Full, transaction =>
        {
            // A change older than the one applied is stale (webhooks arrive out of order): STOP then a late START must stay STOP.
            using var upsert = transaction.Command("""
                INSERT INTO conversations (sender, customer, last_inbound_at, opted_out, opt_out_changed_at, updated_at)
                VALUES ($sender, $customer, NULL, $optedOut, $at, $now)
                ON CONFLICT (sender, customer) DO UPDATE SET
                    opted_out = excluded.opted_out,
                    opt_out_changed_at = excluded.opt_out_changed_at,
                    updated_at = excluded.updated_at
                WHERE opt_out_changed_at IS NULL OR opt_out_changed_at <= excluded.opt_out_changed_at;
                """)
                .With("$sender", sender).With("$customer", customer).With("$optedOut", optedOut).With("$at", at).With("$now", database.Time.GetUtcNow());
            var changed = upsert.ExecuteNonQuery() == 1;
            if (changed)
            {
                SqliteStorageLog.OptOutChanged(database.Logger, sender, PhoneNumber.Redact(customer), optedOut ? "out" : "in");
            }

            return changed;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> HoldReplyAsync(string bookmarkHash, string replyJson, DateTimeOffset heldUntil, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bookmarkHash);
        ArgumentException.ThrowIfNullOrEmpty(replyJson);
        return database.WriteAsync(WriteDurability.Full, transaction =>
        {
            // In the write transaction, so no wait can be saved between the check and the insert.
            if (transaction.Cached("SELECT EXISTS (SELECT 1 FROM bookmarks WHERE hash = $hash);").With("$hash", bookmarkHash).ExecuteScalar() is 1L)
            {
                return false;
            }

            using var insert = transaction.Command("""
                INSERT INTO held_replies (bookmark_hash, reply_json, held_at, held_until) VALUES ($hash, $reply, $now, $until);
                """)
                .With("$hash", bookmarkHash).With("$reply", replyJson).With("$now", database.Time.GetUtcNow()).With("$until", heldUntil);
            insert.ExecuteNonQuery();
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HeldReply>> TakeHeldRepliesAsync(string bookmarkHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(bookmarkHash);
        return database.WriteAsync<IReadOnlyList<HeldReply>>(WriteDurability.Full, transaction =>
        {
            // Delete and read in one statement of one write transaction: a reply is handed out once.
            using var take = transaction.Command("DELETE FROM held_replies WHERE bookmark_hash = $hash RETURNING id, reply_json, held_at, held_until;")
                .With("$hash", bookmarkHash);
            using var reader = take.ExecuteReader();
            var taken = new List<(long Id, HeldReply Reply)>();
            var expired = 0;
            while (reader.Read())
            {
                var reply = new HeldReply(bookmarkHash, reader.GetString(1), reader.GetTime(2), reader.GetTime(3));
                if (reply.HeldUntil > now)
                {
                    taken.Add((reader.GetInt64(0), reply));
                }
                else
                {
                    expired++;
                }
            }

            if (expired > 0)
            {
                SqliteStorageLog.HeldRepliesExpired(database.Logger, bookmarkHash, expired);
            }

            return taken.OrderBy(t => t.Id).Select(t => t.Reply).ToList();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        database.WriteAsync(WriteDurability.Normal, transaction =>
        {
            using var held = transaction.Command("DELETE FROM held_replies WHERE held_until <= $now;").With("$now", now);
            var heldReplies = held.ExecuteNonQuery();

            using var inbound = transaction.Command("DELETE FROM inbound_messages WHERE recorded_at < $before;")
                .With("$before", now - database.Options.InboundDeduplicationRetention);
            var inboundIds = inbound.ExecuteNonQuery();

            SqliteStorageLog.Purged(database.Logger, heldReplies, inboundIds);
            return heldReplies + inboundIds;
        }, cancellationToken);
}
