using System.Globalization;
using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox.Validation;
using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>
/// Infobip's legacy error bodies, used by every WhatsApp endpoint:
/// <c>{"requestError":{"serviceException":{"messageId":"…","text":"…","validationErrors":{…}}}}</c>.
/// </summary>
internal static class InfobipErrors
{
    public static IResponseMessage Unauthorized() =>
        SandboxResponses.Json(401, Body("UNAUTHORIZED", "Invalid login details"));

    public static IResponseMessage ForbiddenSender(string sender) =>
        SandboxResponses.Json(403, Body("FORBIDDEN", $"Sender {sender} is not registered for this account"));

    public static IResponseMessage BadRequest(ValidationErrors? errors = null) =>
        SandboxResponses.Json(400, Body("BAD_REQUEST", "Bad request", errors is { HasErrors: true } ? errors.ToJson() : null));

    public static IResponseMessage NotFound() =>
        SandboxResponses.Json(404, Body("NOT_FOUND", "Not found"));

    public static IResponseMessage TooManyRequests(TimeSpan? retryAfter)
    {
        var response = SandboxResponses.Json(429, Body("TOO_MANY_REQUESTS", "Too many requests"));
        if (retryAfter is { } wait)
        {
            response.AddHeader("Retry-After", ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }

    public static IResponseMessage ServerError(int statusCode = 500) =>
        SandboxResponses.Json(statusCode, statusCode == 503
            ? Body("GENERAL_ERROR", "Service temporarily unavailable. Please try again later.")
            : Body("GENERAL_ERROR", "Something went wrong. Please contact support."));

    private static JsonObject Body(string messageId, string text, JsonObject? validationErrors = null)
    {
        var exception = new JsonObject { ["messageId"] = messageId, ["text"] = text };
        if (validationErrors is not null)
        {
            exception["validationErrors"] = validationErrors;
        }

        return new JsonObject { ["requestError"] = new JsonObject { ["serviceException"] = exception } };
    }
}
