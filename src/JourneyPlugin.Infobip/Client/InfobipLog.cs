using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Infobip.Client;

/// <summary>Log messages of the client. Recipients are redacted; the API key is never logged.</summary>
internal static partial class InfobipLog
{
    [LoggerMessage(1, LogLevel.Debug, "WhatsApp message {MessageId} to {Recipient} accepted by Infobip: {StatusName}")]
    public static partial void SendAccepted(ILogger logger, string messageId, string recipient, string? statusName);

    [LoggerMessage(2, LogLevel.Warning, "WhatsApp message {MessageId} to {Recipient} not accepted by Infobip: {ErrorKind} (HTTP {StatusCode}) {ErrorMessage}")]
    public static partial void SendFailed(ILogger logger, string messageId, string recipient, InfobipErrorKind errorKind, int? statusCode, string errorMessage);

    [LoggerMessage(3, LogLevel.Warning, "WhatsApp message {MessageId} to {Recipient} has an unknown outcome: {ErrorKind}; it may have reached Infobip and is not retried")]
    public static partial void SendOutcomeUnknown(ILogger logger, string messageId, string recipient, InfobipErrorKind errorKind, Exception? exception);

    [LoggerMessage(4, LogLevel.Information, "WhatsApp message {MessageId} not sent: invalid {Fields}")]
    public static partial void SendInvalid(ILogger logger, string messageId, string fields);

    [LoggerMessage(5, LogLevel.Debug, "Loaded {Count} templates of sender {Sender}")]
    public static partial void TemplatesLoaded(ILogger logger, int count, string sender);
}
