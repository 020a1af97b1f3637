using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>The send ledger in SQLite. Every write is synced before it returns: it precedes a vendor call or a webhook's answer.</summary>
internal sealed class SqliteSendLedger(SqliteDatabase database) : ISendLedger
{
    /// <inheritdoc />
    public Task<LedgerEntry> ReserveAsync(LedgerReservation reservation, CancellationToken cancellationToken = default)
    {
        Validate(reservation);
        return database.WriteAsync(WriteDurability.Full, transaction =>
        {
            // Kept as stored (to the microsecond), so the entry returned equals the row read back later.
            var now = SqliteTime.FromDb(SqliteTime.ToDb(database.Time.GetUtcNow()));
            var insert = transaction.Cached("""
                INSERT INTO ledger (message_id, instance_id, run_id, activity_id, connection, recipient, send_state, delivery_status,
                                    created_at, updated_at, unsettled_since)
                VALUES ($id, $instance, $run, $activity, $connection, $recipient, 'Reserved', 'None', $now, $now, $now)
                ON CONFLICT (message_id) DO NOTHING;
                """)
                .With("$id", reservation.MessageId)
                .With("$instance", reservation.InstanceId)
                .With("$run", reservation.RunId)
                .With("$activity", reservation.ActivityId)
                .With("$connection", reservation.Connection)
                .With("$recipient", reservation.Recipient)
                .With("$now", now);

            // A new row is what was just written, so it is not read back (the send path's writes are serial: each read costs every send).
            if (insert.ExecuteNonQuery() == 1)
            {
                return new LedgerEntry(
                    reservation.MessageId, reservation.InstanceId, reservation.RunId, reservation.ActivityId, reservation.Connection, reservation.Recipient,
                    LedgerSendState.Reserved, DeliveryStatus.None, VendorStatus: null, ErrorCode: null, Detail: null, Attempts: 0,
                    CreatedAt: now, UpdatedAt: now, SettledAt: null, Settlement: null) { IsNewReservation = true };
            }

            var entry = SqliteLedgerRow.Find(SqliteLedgerRow.PrepareSelect(transaction), reservation.MessageId)!.Entry;
            if (entry.InstanceId != reservation.InstanceId || entry.ActivityId != reservation.ActivityId)
            {
                // Two steps deriving one message id is a bug upstream; the first row stands.
                SqliteStorageLog.ReservationMismatch(database.Logger, reservation.MessageId, reservation.InstanceId, reservation.ActivityId, entry.InstanceId, entry.ActivityId);
            }

            return entry;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<LedgerEntry> RecordOutcomeAsync(string messageId, LedgerSendState state, string? vendorStatus, string? detail, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        if (state is not (LedgerSendState.Accepted or LedgerSendState.Rejected or LedgerSendState.Unknown))
        {
            throw new ArgumentOutOfRangeException(nameof(state), state, "An outcome is Accepted, Rejected or Unknown.");
        }

        return database.WriteAsync(WriteDurability.Full, transaction =>
        {
            // One statement: every SET reads the row as it was, so an accepted row keeps its state, status and detail.
            var update = transaction.Cached($"""
                UPDATE ledger
                SET attempts = attempts + 1, updated_at = $at,
                    vendor_status = CASE WHEN send_state = 'Accepted' THEN vendor_status ELSE coalesce($vendorStatus, vendor_status) END,
                    detail = CASE WHEN send_state = 'Accepted' THEN detail ELSE $detail END,
                    unsettled_since = CASE WHEN send_state <> 'Accepted' AND $state = 'Unknown' THEN $at END,
                    send_state = CASE WHEN send_state = 'Accepted' THEN send_state ELSE $state END
                WHERE message_id = $id
                RETURNING {SqliteLedgerRow.Columns};
                """)
                .With("$id", messageId)
                .With("$state", state.ToString())
                .With("$vendorStatus", vendorStatus)
                .With("$detail", detail)
                .With("$at", at);
            var entry = SqliteLedgerRow.ReadFirst(update)?.Entry ?? throw NotFound(messageId);
            if (entry.SendState == LedgerSendState.Accepted && state != LedgerSendState.Accepted)
            {
                // What the vendor accepted stays accepted: a later attempt's error or timeout does not undo a message.
                SqliteStorageLog.AcceptedKept(database.Logger, messageId, state);
            }

            return entry;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DeliveryUpdateResult> ApplyDeliveryReportAsync(DeliveryReport report, CancellationToken cancellationToken = default)
    {
        Validate(report, nameof(report));
        var results = await ApplyAsync([report], _ => [], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeliveryUpdateResult>> ApplyDeliveryReportsAsync(IReadOnlyList<DeliveryReport> reports, CancellationToken cancellationToken = default) =>
        ApplyDeliveryReportsAsync(reports, _ => [], cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DeliveryUpdateResult>> ApplyDeliveryReportsAsync(
        IReadOnlyList<DeliveryReport> reports,
        Func<IReadOnlyList<DeliveryUpdateResult>, IReadOnlyList<FunnelIncrement>> funnel,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(funnel);
        for (var i = 0; i < reports.Count; i++)
        {
            Validate(reports[i], $"{nameof(reports)}[{i}]");
        }

        return reports.Count == 0 ? Task.FromResult<IReadOnlyList<DeliveryUpdateResult>>([]) : ApplyAsync(reports, funnel, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerEntry>> FindUnsettledAsync(DateTimeOffset olderThan, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.ReadAsync<IReadOnlyList<LedgerEntry>>(connection =>
        {
            using var query = connection.Command($"""
                SELECT {SqliteLedgerRow.Columns} FROM ledger
                WHERE unsettled_since IS NOT NULL AND unsettled_since < $olderThan
                ORDER BY unsettled_since, message_id
                LIMIT $limit;
                """).With("$olderThan", olderThan).With("$limit", limit);
            using var reader = query.ExecuteReader();
            var entries = new List<LedgerEntry>();
            while (reader.Read())
            {
                entries.Add(SqliteLedgerRow.Read(reader).Entry);
            }

            return entries;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RecordSettlementAsync(string messageId, SettlementDecision decision, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        if (!Enum.IsDefined(decision))
        {
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "Not a settlement decision.");
        }

        return database.WriteAsync(WriteDurability.Full, transaction =>
        {
            var select = SqliteLedgerRow.PrepareSelect(transaction);
            var row = SqliteLedgerRow.Find(select, messageId) ?? throw NotFound(messageId);
            if (row.UnsettledSince is null)
            {
                // Settled meanwhile (an answer, a delivery report, or another decision): the caller must not act.
                return false;
            }

            var before = row.Entry.SendState;
            var entry = row.Entry with
            {
                SendState = decision == SettlementDecision.EvidenceOfDelivery ? LedgerSendState.Accepted : before,
                Settlement = decision,
                SettledAt = at,
                UpdatedAt = at,
            };

            // A resend opens a new window for evidence; the other decisions are final.
            var updated = new SqliteLedgerRow(entry, decision == SettlementDecision.ResendSameMessageId ? at : null);
            var update = SqliteLedgerRow.PrepareUpdate(transaction);
            updated.Write(update);
            InsertSettlement(transaction, messageId, decision, before, at);
            SqliteStorageLog.SettlementRecorded(database.Logger, messageId, decision, before);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LedgerSettlement>> GetSettlementsAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return database.ReadAsync<IReadOnlyList<LedgerSettlement>>(connection =>
        {
            using var query = connection.Command("SELECT decision, send_state_before, at FROM ledger_settlements WHERE message_id = $id ORDER BY id;")
                .With("$id", messageId);
            using var reader = query.ExecuteReader();
            var settlements = new List<LedgerSettlement>();
            while (reader.Read())
            {
                settlements.Add(new LedgerSettlement(messageId, reader.GetEnum<SettlementDecision>(0), reader.GetEnum<LedgerSendState>(1), reader.GetTime(2)));
            }

            return settlements;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<LedgerEntry?> GetAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return database.ReadAsync<LedgerEntry?>(connection =>
        {
            using var query = connection.Command(SqliteLedgerRow.SelectSql).With("$id", messageId);
            return SqliteLedgerRow.ReadFirst(query)?.Entry;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OrphanDeliveryReport>> ListOrphanReportsAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        return database.ReadAsync<IReadOnlyList<OrphanDeliveryReport>>(connection =>
        {
            using var query = connection.Command("""
                SELECT message_id, status, reported_at, vendor_status, error_code, detail, recipient, received_at
                FROM orphan_delivery_reports ORDER BY id LIMIT $take OFFSET $skip;
                """).With("$take", take).With("$skip", skip);
            using var reader = query.ExecuteReader();
            var orphans = new List<OrphanDeliveryReport>();
            while (reader.Read())
            {
                var report = new DeliveryReport(reader.GetString(0), reader.GetEnum<DeliveryStatus>(1), reader.GetTime(2))
                {
                    VendorStatus = reader.GetStringOrNull(3),
                    ErrorCode = reader.GetStringOrNull(4),
                    Detail = reader.GetStringOrNull(5),
                    Recipient = reader.GetStringOrNull(6),
                };
                orphans.Add(new OrphanDeliveryReport(report, reader.GetTime(7)));
            }

            return orphans;
        }, cancellationToken);
    }

    private Task<IReadOnlyList<DeliveryUpdateResult>> ApplyAsync(
        IReadOnlyList<DeliveryReport> reports,
        Func<IReadOnlyList<DeliveryUpdateResult>, IReadOnlyList<FunnelIncrement>> funnel,
        CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<DeliveryUpdateResult>>(WriteDurability.Full, transaction =>
        {
            // Prepared once per batch: a 2,000-report webhook is a few thousand steps of cached statements.
            using var applier = new SqliteDeliveryReportApplier(transaction, database.Time.GetUtcNow(), database.Logger);
            var results = new DeliveryUpdateResult[reports.Count];
            for (var i = 0; i < reports.Count; i++)
            {
                results[i] = applier.Apply(reports[i]);
            }

            SqliteFunnelCounters.Add(transaction, funnel(results));
            return results;
        }, cancellationToken);

    /// <summary>Records one settlement in the history.</summary>
    internal static void InsertSettlement(SqliteTransaction transaction, string messageId, SettlementDecision decision, LedgerSendState before, DateTimeOffset at)
    {
        using var insert = transaction.Command("INSERT INTO ledger_settlements (message_id, decision, send_state_before, at) VALUES ($id, $decision, $before, $at);")
            .With("$id", messageId)
            .With("$decision", decision.ToString())
            .With("$before", before.ToString())
            .With("$at", at);
        insert.ExecuteNonQuery();
    }

    private static KeyNotFoundException NotFound(string messageId) => new($"No ledger row for message '{messageId}'.");

    private static void Validate(LedgerReservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        ArgumentException.ThrowIfNullOrEmpty(reservation.MessageId, $"{nameof(reservation)}.{nameof(reservation.MessageId)}");
        ArgumentException.ThrowIfNullOrEmpty(reservation.InstanceId, $"{nameof(reservation)}.{nameof(reservation.InstanceId)}");
        ArgumentException.ThrowIfNullOrEmpty(reservation.ActivityId, $"{nameof(reservation)}.{nameof(reservation.ActivityId)}");
        ArgumentException.ThrowIfNullOrEmpty(reservation.Connection, $"{nameof(reservation)}.{nameof(reservation.Connection)}");
        ArgumentException.ThrowIfNullOrEmpty(reservation.Recipient, $"{nameof(reservation)}.{nameof(reservation.Recipient)}");
        if (reservation.RunId is { Length: 0 })
        {
            throw new ArgumentException("The run id must be null or not empty.", $"{nameof(reservation)}.{nameof(reservation.RunId)}");
        }
    }

    private static void Validate(DeliveryReport? report, string name)
    {
        if (report is null)
        {
            throw new ArgumentNullException(name);
        }

        ArgumentException.ThrowIfNullOrEmpty(report.MessageId, $"{name}.{nameof(report.MessageId)}");
        if (report.Status is DeliveryStatus.None || !Enum.IsDefined(report.Status))
        {
            throw new ArgumentOutOfRangeException($"{name}.{nameof(report.Status)}", report.Status, "A delivery report has a status of Pending, Delivered, Seen or Failed.");
        }
    }
}
