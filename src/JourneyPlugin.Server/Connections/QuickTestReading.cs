using JourneyPlugin.Infobip.Client;

namespace JourneyPlugin.Server.Connections;

/// <summary>Our reading of a vendor answer: what it means for the connection and what to do.</summary>
internal static class QuickTestReading
{
    /// <summary>The reading of a Quick Test's send result.</summary>
    public static string Of(Connection connection, InfobipSendResult result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Outcome == InfobipSendOutcome.Accepted)
        {
            var status = result.Status is { } s ? $" with status {s.GroupName}/{s.Name}" + (s.Description is null ? string.Empty : $" ({s.Description})") : string.Empty;
            return $"The connection works: Infobip accepted the message{status}. Whether it reached the phone comes later in the delivery report. "
                + $"A free-form text reaches the recipient only within 24 hours of their last message to {connection.Infobip.Sender}; otherwise the report carries error 7010 and only an approved template gets through.";
        }

        if (result.Outcome == InfobipSendOutcome.OutcomeUnknown)
        {
            return $"Infobip's answer was lost ({result.Error!.Kind}: {result.Error.Message}); the message may or may not have been sent. Try again in a moment.";
        }

        return Of(connection, result.Error!);
    }

    /// <summary>The reading of a failed call to the vendor.</summary>
    public static string Of(Connection connection, InfobipError error)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(error);
        var vendor = $"Infobip said: {error.Message}";
        return error.Kind switch
        {
            InfobipErrorKind.Unauthorized => $"Infobip refused the API key (401). Check the API key of connection '{connection.Name}' in the Infobip portal: it may be mistyped, revoked or expired. {vendor}",
            InfobipErrorKind.Forbidden => $"Infobip refused the request (403): the sender {connection.Infobip.Sender} is not registered on this account, or the API key lacks the WhatsApp scope. {vendor}",
            InfobipErrorKind.BadRequest => $"Infobip refused the request (400). {vendor}" + Fields(error),
            InfobipErrorKind.NotFound => $"Infobip answered 404: check the Base URL ({connection.Infobip.BaseUrl}) and the sender. {vendor}",
            InfobipErrorKind.TooManyRequests => "Infobip's rate limit was exceeded (429); try again later." + (error.RetryAfter is { } wait ? $" Infobip asks to wait {wait.TotalSeconds:0} s." : string.Empty),
            InfobipErrorKind.RateLimited => "This server's rate limiter for the sender is full; try again in a moment.",
            InfobipErrorKind.InvalidRequest => "The message was not sent: it breaks a limit of WhatsApp." + Fields(error),
            InfobipErrorKind.ConnectionFailed => $"Infobip could not be reached at {connection.Infobip.BaseUrl}; nothing was sent. Check the Base URL and the network. ({error.Message})",
            InfobipErrorKind.CircuitOpen => $"Too many recent calls to {connection.Infobip.BaseUrl} failed; calls are paused for a moment. Nothing was sent.",
            InfobipErrorKind.ServerError => $"Infobip failed ({error.HttpStatusCode}); nothing was accepted. Try again later. {vendor}",
            InfobipErrorKind.Timeout or InfobipErrorKind.ConnectionLost => $"Infobip did not answer in time ({error.Message}).",
            _ => $"Infobip gave an answer it does not document ({error.HttpStatusCode}). {vendor}",
        };
    }

    private static string Fields(InfobipError error) =>
        error.FieldErrors.Count == 0 ? string.Empty : " Fields: " + string.Join("; ", error.FieldErrors) + ".";
}
