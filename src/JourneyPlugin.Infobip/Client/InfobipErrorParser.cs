using System.Net;
using System.Text.Json;

namespace JourneyPlugin.Infobip.Client;

/// <summary>
/// Reads Infobip's error answers: the legacy <c>requestError.serviceException</c> body, the newer
/// <c>errorCode/description/violations</c> body, the <c>{"error": …}</c> of a few endpoints, and
/// plain text (some endpoints answer 403/404 without JSON).
/// </summary>
internal static class InfobipErrorParser
{
    private const int MaxPlainTextLength = 500;

    public static InfobipError Parse(HttpStatusCode statusCode, string? body, TimeSpan? retryAfter)
    {
        var status = (int)statusCode;
        var kind = KindOf(status);
        string? code = null;
        string? message = null;
        string? action = null;
        var fieldErrors = new List<InfobipFieldError>();

        if (!string.IsNullOrWhiteSpace(body) && TryParseJson(body, out var root))
        {
            if (root.TryGetProperty("requestError", out var requestError)
                && requestError.ValueKind == JsonValueKind.Object
                && requestError.TryGetProperty("serviceException", out var serviceException)
                && serviceException.ValueKind == JsonValueKind.Object)
            {
                code = GetString(serviceException, "messageId");
                message = GetString(serviceException, "text");
                if (serviceException.TryGetProperty("validationErrors", out var validationErrors) && validationErrors.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in validationErrors.EnumerateObject())
                    {
                        if (field.Value.ValueKind == JsonValueKind.Array)
                        {
                            fieldErrors.AddRange(field.Value.EnumerateArray().Select(reason => new InfobipFieldError(field.Name, reason.ToString())));
                        }
                        else
                        {
                            fieldErrors.Add(new(field.Name, field.Value.ToString()));
                        }
                    }
                }
            }
            else if (root.TryGetProperty("errorCode", out _) || root.TryGetProperty("description", out _))
            {
                code = GetString(root, "errorCode");
                message = GetString(root, "description");
                action = GetString(root, "action");
                if (root.TryGetProperty("violations", out var violations) && violations.ValueKind == JsonValueKind.Array)
                {
                    fieldErrors.AddRange(violations.EnumerateArray()
                        .Where(v => v.ValueKind == JsonValueKind.Object)
                        .Select(v => new InfobipFieldError(GetString(v, "property") ?? string.Empty, GetString(v, "violation") ?? string.Empty)));
                }
            }
            else if (root.TryGetProperty("error", out var error))
            {
                message = error.ValueKind == JsonValueKind.String ? error.GetString() : error.ToString();
            }
        }
        else if (!string.IsNullOrWhiteSpace(body))
        {
            var text = body.Trim();
            message = text.Length > MaxPlainTextLength ? text[..MaxPlainTextLength] + "…" : text;
        }

        return new InfobipError
        {
            Kind = kind,
            HttpStatusCode = status,
            Code = code,
            Message = string.IsNullOrWhiteSpace(message) ? DefaultMessage(status) : message,
            Action = action,
            FieldErrors = fieldErrors,
            RetryAfter = retryAfter,
            RawBody = body,
        };
    }

    public static InfobipErrorKind KindOf(int status) => status switch
    {
        400 => InfobipErrorKind.BadRequest,
        401 => InfobipErrorKind.Unauthorized,
        403 => InfobipErrorKind.Forbidden,
        404 => InfobipErrorKind.NotFound,
        429 => InfobipErrorKind.TooManyRequests,
        >= 500 and <= 599 => InfobipErrorKind.ServerError,
        _ => InfobipErrorKind.UnexpectedResponse,
    };

    private static string DefaultMessage(int status) => status switch
    {
        400 => "Infobip refused the request as invalid",
        401 => "Infobip refused the API key (wrong, revoked or expired)",
        403 => "The API key may not do this, or the sender is not on this account",
        404 => "Not found at Infobip",
        429 => "Too many requests; Infobip asks to slow down",
        >= 500 and <= 599 => $"Infobip failed with HTTP {status}",
        _ => $"Infobip answered with HTTP {status}, which it does not document",
    };

    private static bool TryParseJson(string body, out JsonElement root)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            root = default;
            return false;
        }
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString())
            : null;
}
