using Microsoft.Data.Sqlite;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>
/// A ledger row as read inside a write transaction: the entry plus the bookkeeping column that
/// is not part of the contract.
/// </summary>
/// <param name="Entry">The entry.</param>
/// <param name="UnsettledSince">Since when the outcome is unknown and unsettled; <see langword="null"/> when it is known or settled for good.</param>
internal sealed record SqliteLedgerRow(LedgerEntry Entry, DateTimeOffset? UnsettledSince)
{
    public const string Columns =
        "message_id, instance_id, run_id, activity_id, connection, recipient, send_state, delivery_status, vendor_status, error_code, detail, " +
        "attempts, created_at, updated_at, settled_at, settlement, delivery_reports, delivery_at, unsettled_since";

    public const string SelectSql = $"SELECT {Columns} FROM ledger WHERE message_id = $id;";

    public const string UpdateSql = """
        UPDATE ledger
        SET send_state = $sendState, delivery_status = $deliveryStatus, vendor_status = $vendorStatus, error_code = $errorCode,
            detail = $detail, attempts = $attempts, updated_at = $updatedAt, settled_at = $settledAt, settlement = $settlement,
            delivery_reports = $deliveryReports, delivery_at = $deliveryAt, unsettled_since = $unsettledSince
        WHERE message_id = $id;
        """;

    /// <summary>Reads the row of the current reader position.</summary>
    public static SqliteLedgerRow Read(SqliteDataReader reader) => new(
        new LedgerEntry(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetStringOrNull(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetEnum<LedgerSendState>(6),
            reader.GetEnum<DeliveryStatus>(7),
            reader.GetStringOrNull(8),
            reader.GetStringOrNull(9),
            reader.GetStringOrNull(10),
            reader.GetInt32(11),
            reader.GetTime(12),
            reader.GetTime(13),
            reader.GetTimeOrNull(14),
            reader.IsDBNull(15) ? null : reader.GetEnum<SettlementDecision>(15))
        {
            DeliveryReports = reader.GetInt32(16),
            DeliveryStatusAt = reader.GetTimeOrNull(17),
        },
        reader.GetTimeOrNull(18));

    /// <summary>Runs a prepared <see cref="SelectSql"/> command for <paramref name="messageId"/>.</summary>
    public static SqliteLedgerRow? Find(SqliteCommand select, string messageId)
    {
        select.Set("$id", messageId);
        return ReadFirst(select);
    }

    /// <summary>Runs a command that selects or returns (<c>RETURNING</c>) <see cref="Columns"/>: the first row, if any.</summary>
    public static SqliteLedgerRow? ReadFirst(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>A <see cref="SelectSql"/> command, to reuse with <see cref="Find"/>; kept prepared on the connection, not to be disposed.</summary>
    public static SqliteCommand PrepareSelect(SqliteTransaction transaction) => transaction.Cached(SelectSql).With("$id", (object?)null);

    /// <summary>An <see cref="UpdateSql"/> command, to reuse with <see cref="Write"/>; kept prepared on the connection, not to be disposed.</summary>
    public static SqliteCommand PrepareUpdate(SqliteTransaction transaction)
    {
        var update = transaction.Cached(UpdateSql);
        foreach (var name in (string[])["$id", "$sendState", "$deliveryStatus", "$vendorStatus", "$errorCode", "$detail", "$attempts",
            "$updatedAt", "$settledAt", "$settlement", "$deliveryReports", "$deliveryAt", "$unsettledSince"])
        {
            update.With(name, (object?)null);
        }

        return update;
    }

    /// <summary>Writes the changeable columns of this row with a prepared <see cref="UpdateSql"/> command.</summary>
    public void Write(SqliteCommand update)
    {
        update.Set("$id", Entry.MessageId);
        update.Set("$sendState", Entry.SendState.ToString());
        update.Set("$deliveryStatus", Entry.DeliveryStatus.ToString());
        update.Set("$vendorStatus", Entry.VendorStatus);
        update.Set("$errorCode", Entry.ErrorCode);
        update.Set("$detail", Entry.Detail);
        update.Set("$attempts", Entry.Attempts);
        update.Set("$updatedAt", SqliteTime.ToDb(Entry.UpdatedAt));
        update.Set("$settledAt", Entry.SettledAt is { } settledAt ? SqliteTime.ToDb(settledAt) : null);
        update.Set("$settlement", Entry.Settlement?.ToString());
        update.Set("$deliveryReports", Entry.DeliveryReports);
        update.Set("$deliveryAt", Entry.DeliveryStatusAt is { } deliveryAt ? SqliteTime.ToDb(deliveryAt) : null);
        update.Set("$unsettledSince", UnsettledSince is { } since ? SqliteTime.ToDb(since) : null);
        update.ExecuteNonQuery();
    }
}
