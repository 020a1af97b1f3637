using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.WhatsApp.Messaging;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Runtime.Sending;

/// <summary>
/// Exactly one message per Send step: writes a ledger row with the step's deterministic message id
/// before calling the vendor, and sends again only when the row proves the vendor never accepted it.
/// A step re-executed after a crash finds its row: accepted → reported as sent without a call;
/// unknown (the answer was lost, or the process died mid-call) → not sent again until evidence or
/// the settlement policy decides.
/// </summary>
internal sealed partial class LedgeredWhatsAppGateway(IWhatsAppGateway vendor, ISendLedger ledger, TimeProvider clock, ILogger<LedgeredWhatsAppGateway> logger) : IWhatsAppGateway
{
    public ValueTask<string?> GetSenderAsync(string connectionName, CancellationToken cancellationToken = default) =>
        vendor.GetSenderAsync(connectionName, cancellationToken);

    public Task<IReadOnlyList<WhatsAppTemplateInfo>?> GetTemplatesAsync(string connectionName, CancellationToken cancellationToken = default) =>
        vendor.GetTemplatesAsync(connectionName, cancellationToken);

    public async Task<WhatsAppSendResult> SendAsync(string connectionName, WhatsAppOutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entry = await ledger.ReserveAsync(
            new LedgerReservation(message.MessageId, message.InstanceId ?? string.Empty, message.RunId, message.ActivityId ?? string.Empty, connectionName, message.To),
            cancellationToken).ConfigureAwait(false);

        // A resend decided by the settlement policy goes to the vendor again, with the same id.
        var resendDecided = entry.Settlement == SettlementDecision.ResendSameMessageId && entry.SendState != LedgerSendState.Accepted;
        if (!entry.IsNewReservation && !resendDecided)
        {
            switch (entry.SendState)
            {
                case LedgerSendState.Accepted:
                    Log.AlreadySent(logger, message.MessageId, PhoneNumber.Redact(message.To));
                    return new WhatsAppSendResult { Status = WhatsAppSendStatus.Sent, MessageId = message.MessageId, VendorStatus = entry.VendorStatus, Detail = "already sent; not sent again" };
                case LedgerSendState.Reserved or LedgerSendState.Unknown:
                    Log.OutcomeStillUnknown(logger, message.MessageId, PhoneNumber.Redact(message.To));
                    return new WhatsAppSendResult
                    {
                        Status = WhatsAppSendStatus.Unknown,
                        MessageId = message.MessageId,
                        FailureReason = WhatsAppFailureReason.OutcomeUnknown,
                        Detail = "an earlier attempt may have reached the vendor; it is not sent again until a delivery report or the settlement policy decides",
                    };
            }

            // Rejected: provably never accepted, so sending again cannot duplicate it.
        }

        var result = await vendor.SendAsync(connectionName, message, cancellationToken).ConfigureAwait(false);
        var state = result.Status switch
        {
            WhatsAppSendStatus.Sent => LedgerSendState.Accepted,
            WhatsAppSendStatus.Failed => LedgerSendState.Rejected,
            _ => LedgerSendState.Unknown,
        };

        // Not cancellable: the vendor has answered, and that answer must not be lost.
        await ledger.RecordOutcomeAsync(message.MessageId, state, result.VendorStatus, result.Detail, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Message {MessageId} to {Recipient} was already accepted; not sent again")]
        public static partial void AlreadySent(ILogger logger, string messageId, string recipient);

        [LoggerMessage(2, LogLevel.Warning, "Message {MessageId} to {Recipient} has an unsettled earlier attempt; not sent again")]
        public static partial void OutcomeStillUnknown(ILogger logger, string messageId, string recipient);
    }
}
