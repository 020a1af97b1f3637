using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Runtime.Storage.Sqlite;

/// <summary>Log messages of the SQLite storage. Customers' numbers are redacted by the callers of these.</summary>
internal static partial class SqliteStorageLog
{
    [LoggerMessage(1, LogLevel.Information, "Journey database {Path} migrated from schema version {FromVersion} to {ToVersion}")]
    public static partial void SchemaMigrated(ILogger logger, string path, int fromVersion, int toVersion);

    [LoggerMessage(2, LogLevel.Warning, "Delivery report {DeliveryStatus} for unknown message {MessageId} stored as an orphan")]
    public static partial void OrphanDeliveryReport(ILogger logger, string messageId, DeliveryStatus deliveryStatus);

    [LoggerMessage(3, LogLevel.Information, "Message {MessageId} settled as accepted by a delivery report (was {SendState})")]
    public static partial void SettledByEvidence(ILogger logger, string messageId, LedgerSendState sendState);

    [LoggerMessage(4, LogLevel.Information, "Message {MessageId} settled: {Decision} (was {SendState})")]
    public static partial void SettlementRecorded(ILogger logger, string messageId, SettlementDecision decision, LedgerSendState sendState);

    [LoggerMessage(5, LogLevel.Warning, "Message {MessageId} reserved again by instance {InstanceId} step {ActivityId}, but the row belongs to instance {ExistingInstanceId} step {ExistingActivityId}")]
    public static partial void ReservationMismatch(ILogger logger, string messageId, string instanceId, string activityId, string existingInstanceId, string existingActivityId);

    [LoggerMessage(6, LogLevel.Debug, "Message {MessageId} stays accepted; a later attempt answered {SendState}")]
    public static partial void AcceptedKept(ILogger logger, string messageId, LedgerSendState sendState);

    [LoggerMessage(7, LogLevel.Information, "Customer {Customer} of sender {Sender} opted {Direction}")]
    public static partial void OptOutChanged(ILogger logger, string sender, string customer, string direction);

    [LoggerMessage(8, LogLevel.Information, "Run {RunId} went from {FromStatus} to {ToStatus}")]
    public static partial void RunStatusChanged(ILogger logger, string runId, RunStatus fromStatus, RunStatus toStatus);

    [LoggerMessage(9, LogLevel.Debug, "Instance {InstanceId} not saved: expected version {ExpectedVersion}, found {ActualVersion}")]
    public static partial void ConcurrencyConflict(ILogger logger, string instanceId, long expectedVersion, long actualVersion);

    [LoggerMessage(10, LogLevel.Debug, "Dropped {Count} expired held replies for bookmark {BookmarkHash}")]
    public static partial void HeldRepliesExpired(ILogger logger, string bookmarkHash, int count);

    [LoggerMessage(11, LogLevel.Debug, "Purged {HeldReplies} expired held replies and {InboundIds} old inbound message ids")]
    public static partial void Purged(ILogger logger, int heldReplies, int inboundIds);
}
