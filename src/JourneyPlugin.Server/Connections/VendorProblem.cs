using System.Text.Json;
using JourneyPlugin.Infobip.Client;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JourneyPlugin.Server.Connections;

/// <summary>
/// A failed call to the vendor as a problem response carrying the vendor's answer. A refusal by the
/// vendor (400, 401, 403, 404) is 422, not the vendor's own status: a 401 from this API would mean its
/// own token was wrong. An unreachable or failing vendor is 502, rate limits 429.
/// </summary>
internal static class VendorProblem
{
    /// <summary>The status this API answers for a vendor error of <paramref name="kind"/>.</summary>
    public static int StatusOf(InfobipErrorKind kind, InfobipSendOutcome outcome = InfobipSendOutcome.Failed) => kind switch
    {
        _ when outcome == InfobipSendOutcome.OutcomeUnknown => StatusCodes.Status502BadGateway,
        InfobipErrorKind.InvalidRequest => StatusCodes.Status400BadRequest,
        InfobipErrorKind.BadRequest or InfobipErrorKind.Unauthorized or InfobipErrorKind.Forbidden or InfobipErrorKind.NotFound => StatusCodes.Status422UnprocessableEntity,
        InfobipErrorKind.TooManyRequests or InfobipErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status502BadGateway,
    };

    /// <summary>The problem for <paramref name="error"/>.</summary>
    public static ProblemHttpResult Create(HttpContext context, string connection, string title, string reading, InfobipError error, InfobipSendOutcome outcome, string? messageId = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        if (error.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var extensions = new Dictionary<string, object?>
        {
            ["connection"] = connection,
            ["accepted"] = false,
            ["outcome"] = outcome == InfobipSendOutcome.OutcomeUnknown ? "unknown" : "notAccepted",
            ["reading"] = reading,
            ["errorKind"] = error.Kind.ToString(),
            ["vendorCode"] = error.Code,
            ["httpStatus"] = error.HttpStatusCode,
            ["vendorResponse"] = AsIs(error.RawBody),
            ["fieldErrors"] = error.FieldErrors.Select(f => new { field = f.Field, reason = f.Reason }).ToList(),
        };
        if (messageId is not null)
        {
            extensions["messageId"] = messageId;
        }

        return TypedResults.Problem(statusCode: StatusOf(error.Kind, outcome), title: title, detail: reading, extensions: extensions);
    }

    /// <summary>The vendor's answer as is: JSON stays JSON, anything else is returned as text.</summary>
    public static object? AsIs(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
