using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Infobip.Sandbox.Logging;

/// <summary>
/// The sandbox's log events. Phone numbers, customers' and senders' alike, are passed redacted
/// (<see cref="JourneyPlugin.WhatsApp.PhoneNumbers.PhoneNumber.Redact(string?)"/>); API keys never appear.
/// </summary>
internal static partial class SandboxLog
{
    [LoggerMessage(1, LogLevel.Information, "Infobip sandbox listening on {BaseUrl} for sender(s) {Senders}")]
    public static partial void Started(ILogger logger, Uri baseUrl, string senders);

    [LoggerMessage(2, LogLevel.Information, "Accepted {Kind} message {MessageId} from {Sender} to {Customer}")]
    public static partial void MessageAccepted(ILogger logger, SandboxMessageKind kind, string messageId, string sender, string customer);

    [LoggerMessage(3, LogLevel.Information, "Message {MessageId} to {Customer} is free-form outside the 24 h window; its delivery report will carry error 7010")]
    public static partial void OutsideServiceWindow(ILogger logger, string messageId, string customer);

    [LoggerMessage(4, LogLevel.Information, "Refused {Method} {Path} with {StatusCode}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string method, string path, int statusCode, string reason);

    [LoggerMessage(5, LogLevel.Information, "Injected fault {Fault} into {Path}")]
    public static partial void FaultInjected(ILogger logger, string fault, string path);

    [LoggerMessage(6, LogLevel.Debug, "Posted {Count} {Kind} result(s) to {Url}")]
    public static partial void WebhookPosted(ILogger logger, int count, string kind, string url);

    [LoggerMessage(7, LogLevel.Warning, "Posting {Count} {Kind} result(s) to {Url} failed ({Failure}), attempt {Attempt}; retrying in {Delay}")]
    public static partial void WebhookRetrying(ILogger logger, int count, string kind, string url, string failure, int attempt, TimeSpan delay);

    [LoggerMessage(8, LogLevel.Error, "Gave up posting {Count} {Kind} result(s) to {Url} after {Attempts} attempt(s): {Failure}")]
    public static partial void WebhookGaveUp(ILogger logger, int count, string kind, string url, int attempts, string failure);

    [LoggerMessage(9, LogLevel.Debug, "No URL is configured for {Kind} of message {MessageId}; nothing is posted")]
    public static partial void NoWebhookUrl(ILogger logger, string kind, string messageId);

    [LoggerMessage(10, LogLevel.Information, "Customer {Customer} wrote to {Sender}")]
    public static partial void CustomerWrote(ILogger logger, string customer, string sender);

    [LoggerMessage(11, LogLevel.Error, "The sandbox failed to handle {Method} {Path}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(12, LogLevel.Error, "A scheduled sandbox event failed")]
    public static partial void ScheduledWorkFailed(ILogger logger, Exception exception);

    [LoggerMessage(13, LogLevel.Information, "Holding back the response to {Path} for {Hold} (lost response)")]
    public static partial void HoldingResponse(ILogger logger, string path, TimeSpan hold);
}
