using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.WhatsApp.PhoneNumbers;

namespace JourneyPlugin.Server.Journeys;

/// <summary>
/// A checked <c>POST /api/journeys/{id}/trigger</c> body: <c>{ customer: { phone, ...attributes }, idempotencyKey? }</c>,
/// the key also accepted as the <c>Idempotency-Key</c> header.
/// </summary>
/// <param name="Customer">The profile the journey sees as <c>customer</c>, its phone normalised to digits.</param>
/// <param name="Phone">The phone number, digits with the country code.</param>
/// <param name="CustomerKey">The customer's key: <c>customer.id</c> when given, else the phone, as for campaign audiences.</param>
/// <param name="IdempotencyKey">The caller's key; a new one for each request without one.</param>
internal sealed record TriggerRequest(JsonObject Customer, string Phone, string CustomerKey, string IdempotencyKey)
{
    /// <summary>The header that carries the key, as in the IETF Idempotency-Key draft and Stripe's API.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int MaxKeyLength = 200;

    /// <summary>Reads <paramref name="body"/>; each mistake is named by its field.</summary>
    public static (TriggerRequest? Request, Dictionary<string, string[]> Errors) Read(JsonObject body, string? headerKey)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var key = ReadKey(body, headerKey, errors);

        if (body["customer"] is not JsonObject customer)
        {
            errors["customer"] = ["is required: an object with the customer's phone and attributes, e.g. { \"phone\": \"84912345678\", \"first_name\": \"Lan\" }"];
            return (null, errors);
        }

        string? digits = null;
        if (customer["phone"] is not JsonValue phoneValue || phoneValue.GetValueKind() != JsonValueKind.String)
        {
            errors["customer.phone"] = [customer["phone"] is null
                ? "is required: the customer's WhatsApp number with its country code, e.g. \"84912345678\""
                : "must be a string, e.g. \"84912345678\""];
        }
        else if (!PhoneNumber.TryParse(phoneValue.GetValue<string>(), out var phone, out var reason))
        {
            errors["customer.phone"] = [reason];
        }
        else
        {
            digits = phone.Digits;
        }

        string? id = null;
        switch (customer["id"])
        {
            case null:
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { } text && !string.IsNullOrWhiteSpace(text):
                id = text.Trim();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                id = value.ToJsonString();
                break;
            default:
                errors["customer.id"] = ["must be a non-empty string or a number when given"];
                break;
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var profile = (JsonObject)customer.DeepClone();
        profile["phone"] = digits;
        return (new TriggerRequest(profile, digits!, id ?? digits!, key ?? Guid.CreateVersion7().ToString("N")), errors);
    }

    private static string? ReadKey(JsonObject body, string? headerKey, Dictionary<string, string[]> errors)
    {
        string? bodyKey = null;
        if (body["idempotencyKey"] is { } node)
        {
            if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                bodyKey = value.GetValue<string>();
                CheckKey(bodyKey, "idempotencyKey", errors);
            }
            else
            {
                errors["idempotencyKey"] = ["must be a string"];
            }
        }

        if (headerKey is not null)
        {
            CheckKey(headerKey, IdempotencyKeyHeader, errors);
            if (bodyKey is not null && bodyKey != headerKey)
            {
                errors["idempotencyKey"] = [$"differs from the {IdempotencyKeyHeader} header; give the key once"];
            }
        }

        return bodyKey ?? headerKey;
    }

    // Visible ASCII only: the key becomes part of the instance id, which appears in URLs and the store.
    private static void CheckKey(string key, string field, Dictionary<string, string[]> errors)
    {
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            errors[field] = [$"must be 1 to {MaxKeyLength} visible ASCII characters (no spaces), e.g. an event or order id"];
        }
    }
}
