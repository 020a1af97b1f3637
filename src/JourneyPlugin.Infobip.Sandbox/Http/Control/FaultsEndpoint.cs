using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox.Faults;
using JourneyPlugin.Infobip.Sandbox.Serialization;
using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http.Control;

/// <summary>
/// <c>GET /sandbox/faults</c> lists the queued faults; <c>POST /sandbox/faults</c> queues one, e.g.
/// <c>{"kind":"tooManyRequests","count":3,"retryAfterSeconds":2}</c>,
/// <c>{"kind":"serverError","count":2,"statusCode":503}</c>, <c>{"kind":"latency","count":1,"delayMs":500}</c>,
/// <c>{"kind":"lostResponse","count":1,"holdMs":30000}</c> or <c>{"kind":"clear"}</c>.
/// </summary>
internal sealed class FaultsEndpoint(SandboxFaults faults)
{
    private const string Kinds = "tooManyRequests, serverError, latency, lostResponse or clear";

    public IResponseMessage List() => SandboxResponses.Json(200, Pending());

    public IResponseMessage Add(IRequestMessage request)
    {
        using var document = SandboxJson.TryParse(RequestReader.Body(request));
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return SandboxResponses.ControlError($"The body must be a JSON object like {{\"kind\":\"tooManyRequests\",\"count\":3}}; kind is {Kinds}.");
        }

        var root = document.RootElement;
        try
        {
            var kind = root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            switch (kind)
            {
                case "tooManyRequests":
                    faults.AddTooManyRequests(Count(root), OptionalTime(root, "retryAfterSeconds", TimeSpan.FromSeconds));
                    break;
                case "serverError":
                    faults.AddServerErrors(Count(root), (int)(Number(root, "statusCode") ?? 500));
                    break;
                case "latency":
                    faults.AddLatency(Count(root), OptionalTime(root, "delayMs", TimeSpan.FromMilliseconds) ?? throw new FormatException("'delayMs' is required for latency."));
                    break;
                case "lostResponse":
                    faults.AddLostResponses(Count(root), OptionalTime(root, "holdMs", TimeSpan.FromMilliseconds));
                    break;
                case "clear":
                    faults.Clear();
                    break;
                default:
                    return SandboxResponses.ControlError($"'kind' must be {Kinds}.");
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return SandboxResponses.ControlError(e.Message);
        }

        return SandboxResponses.Json(200, Pending());
    }

    private JsonObject Pending() => new()
    {
        ["pending"] = new JsonArray([.. faults.Pending().Select(p => (JsonNode)ToJson(p.Fault, p.Remaining))]),
    };

    private static JsonObject ToJson(SandboxFault fault, int remaining)
    {
        var json = new JsonObject
        {
            ["kind"] = JsonNamingPolicy.CamelCase.ConvertName(fault.Kind.ToString()),
            ["remaining"] = remaining,
        };
        switch (fault.Kind)
        {
            case SandboxFaultKind.TooManyRequests when fault.RetryAfter is { } retryAfter:
                json["retryAfterSeconds"] = retryAfter.TotalSeconds;
                break;
            case SandboxFaultKind.ServerError:
                json["statusCode"] = fault.StatusCode;
                break;
            case SandboxFaultKind.Latency:
                json["delayMs"] = fault.Delay.TotalMilliseconds;
                break;
            case SandboxFaultKind.LostResponse:
                json["holdMs"] = fault.Delay.TotalMilliseconds;
                break;
        }

        return json;
    }

    private static int Count(JsonElement root)
    {
        var count = Number(root, "count") ?? 1;
        return count is >= 1 and <= int.MaxValue && count == Math.Floor(count)
            ? (int)count
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'count' must be a whole number of at least 1, not {count}."));
    }

    private static TimeSpan? OptionalTime(JsonElement root, string name, Func<double, TimeSpan> unit) =>
        Number(root, name) is { } value
            ? value >= 0 ? unit(value) : throw new FormatException($"'{name}' must not be negative.")
            : null;

    private static double? Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new FormatException($"'{name}' must be a number.");
    }
}
