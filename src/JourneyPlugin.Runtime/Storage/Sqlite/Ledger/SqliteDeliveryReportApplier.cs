using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>Applies delivery reports inside one transaction, with its statements prepared once.</summary>
internal sealed class SqliteDeliveryReportApplier : IDisposable
{
    private readonly SqliteTransaction _transaction;
    private readonly DateTimeOffset _now;
    private readonly ILogger _logger;
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _update;
    private SqliteCommand? _insertOrphan;

    public SqliteDeliveryReportApplier(SqliteTransaction transaction, DateTimeOffset now, ILogger logger)
    {
        _transaction = transaction;
        _now = now;
        _logger = logger;
        _select = SqliteLedgerRow.PrepareSelect(transaction);
        _update = SqliteLedgerRow.PrepareUpdate(transaction);
    }

    /// <summary>Applies one report; reports of one batch see each other's changes.</summary>
    public DeliveryUpdateResult Apply(DeliveryReport report)
    {
        var row = SqliteLedgerRow.Find(_select, report.MessageId);
        if (row is null)
        {
            StoreOrphan(report);
            SqliteStorageLog.OrphanDeliveryReport(_logger, report.MessageId, report.Status);
            return new DeliveryUpdateResult(report.MessageId, DeliveryUpdateKind.Orphan, DeliveryStatus.None, DeliveryStatus.None, false, false, null, null, null);
        }

        var current = row.Entry;
        var newStatus = DeliveryStatusRules.Apply(current.DeliveryStatus, report.Status);
        var advanced = newStatus != current.DeliveryStatus;
        var entry = current with { DeliveryReports = current.DeliveryReports + 1, UpdatedAt = _now };
        if (advanced)
        {
            entry = entry with
            {
                DeliveryStatus = newStatus,
                DeliveryStatusAt = report.At,
                VendorStatus = report.VendorStatus ?? current.VendorStatus,
                ErrorCode = report.ErrorCode ?? current.ErrorCode,
                Detail = report.Detail ?? current.Detail,
            };
        }

        // Any report carrying our message id proves the vendor accepted it: never send it again.
        var settled = current.SendState != LedgerSendState.Accepted;
        if (settled)
        {
            entry = entry with { SendState = LedgerSendState.Accepted, Settlement = SettlementDecision.EvidenceOfDelivery, SettledAt = _now };
            SqliteSendLedger.InsertSettlement(_transaction, current.MessageId, SettlementDecision.EvidenceOfDelivery, current.SendState, _now);
            SqliteStorageLog.SettledByEvidence(_logger, current.MessageId, current.SendState);
        }

        new SqliteLedgerRow(entry, null).Write(_update);
        return new DeliveryUpdateResult(
            current.MessageId,
            advanced ? DeliveryUpdateKind.Advanced : DeliveryUpdateKind.Ignored,
            current.DeliveryStatus,
            newStatus,
            current.DeliveryReports == 0,
            settled,
            current.InstanceId,
            current.RunId,
            current.ActivityId,
            entry.Settlement == SettlementDecision.EvidenceOfDelivery);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The select and the update are kept prepared on the connection.
        _insertOrphan?.Dispose();
    }

    private void StoreOrphan(DeliveryReport report)
    {
        _insertOrphan ??= _transaction.Command("""
            INSERT INTO orphan_delivery_reports (message_id, status, vendor_status, error_code, detail, recipient, reported_at, received_at)
            VALUES ($id, $status, $vendorStatus, $errorCode, $detail, $recipient, $reportedAt, $receivedAt);
            """)
            .With("$id", (object?)null).With("$status", (object?)null).With("$vendorStatus", (object?)null).With("$errorCode", (object?)null)
            .With("$detail", (object?)null).With("$recipient", (object?)null).With("$reportedAt", (object?)null).With("$receivedAt", (object?)null);
        _insertOrphan.Set("$id", report.MessageId);
        _insertOrphan.Set("$status", report.Status.ToString());
        _insertOrphan.Set("$vendorStatus", report.VendorStatus);
        _insertOrphan.Set("$errorCode", report.ErrorCode);
        _insertOrphan.Set("$detail", report.Detail);
        _insertOrphan.Set("$recipient", report.Recipient);
        _insertOrphan.Set("$reportedAt", SqliteTime.ToDb(report.At));
        _insertOrphan.Set("$receivedAt", SqliteTime.ToDb(_now));
        _insertOrphan.ExecuteNonQuery();
    }
}
