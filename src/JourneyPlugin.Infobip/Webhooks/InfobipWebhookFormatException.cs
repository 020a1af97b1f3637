namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>
/// A webhook body is not the JSON Infobip sends: not JSON at all, a value of the wrong type, or a
/// required field missing. The message names the JSON path and the reason, e.g.
/// <c>$.results[0].messageId: required field is missing</c>.
/// </summary>
public sealed class InfobipWebhookFormatException : FormatException
{
    /// <summary>Creates an exception for the problem <paramref name="reason"/> at <paramref name="path"/>.</summary>
    /// <param name="path">JSON path of the offending value, e.g. <c>$.results[3].doneAt</c>.</param>
    /// <param name="reason">What is wrong with it, e.g. <c>required field is missing</c>.</param>
    /// <param name="innerException">The parser's own exception, if any.</param>
    public InfobipWebhookFormatException(string path, string reason, Exception? innerException = null)
        : base($"{path}: {reason}", innerException)
    {
        JsonPath = path;
        Reason = reason;
    }

    /// <summary>JSON path of the offending value, e.g. <c>$.results[3].doneAt</c>; <c>$</c> for the whole body.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong with the value, e.g. <c>required field is missing</c>.</summary>
    public string Reason { get; }
}
