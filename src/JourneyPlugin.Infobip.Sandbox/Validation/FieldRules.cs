using System.Globalization;
using System.Text.Json;

namespace JourneyPlugin.Infobip.Sandbox.Validation;

/// <summary>
/// Reads fields of a JSON request and checks them with the reasons Infobip's bean validation gives
/// ("must not be null", "size must be between 1 and 4096", "must not be blank", "is not a valid url").
/// </summary>
internal static class FieldRules
{
    public const string MustNotBeNull = "must not be null";
    public const string MustNotBeBlank = "must not be blank";
    public const string NotAValidUrl = "is not a valid url";

    public static string Size(int min, int max) => string.Create(CultureInfo.InvariantCulture, $"size must be between {min} and {max}");

    /// <summary>Finds a property; a JSON <c>null</c> counts as absent, as it does for Infobip.</summary>
    public static bool TryGet(JsonElement parent, string name, out JsonElement value)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A required string of <paramref name="min"/> to <paramref name="max"/> characters, not blank.</summary>
    public static string? RequiredText(JsonElement parent, string name, string path, int min, int max, ValidationErrors errors)
    {
        if (!TryGet(parent, name, out var value))
        {
            errors.Add(path, MustNotBeNull);
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(path, "must be a string");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length < min || text.Length > max)
        {
            errors.Add(path, Size(min, max));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(path, MustNotBeBlank);
        }

        return text;
    }

    /// <summary>An optional string of at most <paramref name="max"/> characters.</summary>
    public static string? OptionalText(JsonElement parent, string name, string path, int max, ValidationErrors errors)
    {
        if (!TryGet(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(path, "must be a string");
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > max)
        {
            errors.Add(path, Size(0, max));
        }

        return text;
    }

    /// <summary>A required absolute http(s) URL of 1 to <paramref name="max"/> characters.</summary>
    public static string? RequiredUrl(JsonElement parent, string name, string path, int max, ValidationErrors errors)
    {
        var url = RequiredText(parent, name, path, 1, max, errors);
        CheckUrl(url, path, errors);
        return url;
    }

    /// <summary>An optional absolute http(s) URL of at most <paramref name="max"/> characters.</summary>
    public static string? OptionalUrl(JsonElement parent, string name, string path, int max, ValidationErrors errors)
    {
        var url = OptionalText(parent, name, path, max, errors);
        CheckUrl(url, path, errors);
        return url;
    }

    public static JsonElement? RequiredObject(JsonElement parent, string name, string path, ValidationErrors errors)
    {
        if (!TryGet(parent, name, out var value))
        {
            errors.Add(path, MustNotBeNull);
            return null;
        }

        return OfKind(value, JsonValueKind.Object, path, "must be an object", errors);
    }

    public static JsonElement? OptionalObject(JsonElement parent, string name, string path, ValidationErrors errors) =>
        TryGet(parent, name, out var value) ? OfKind(value, JsonValueKind.Object, path, "must be an object", errors) : null;

    /// <summary>A required array of <paramref name="min"/> to <paramref name="max"/> items.</summary>
    public static JsonElement? RequiredArray(JsonElement parent, string name, string path, int min, int max, ValidationErrors errors)
    {
        if (!TryGet(parent, name, out var value))
        {
            errors.Add(path, MustNotBeNull);
            return null;
        }

        var array = OfKind(value, JsonValueKind.Array, path, "must be an array", errors);
        if (array is { } items && (items.GetArrayLength() < min || items.GetArrayLength() > max))
        {
            errors.Add(path, Size(min, max));
        }

        return array;
    }

    public static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    private static void CheckUrl(string? url, string path, ValidationErrors errors)
    {
        if (!string.IsNullOrWhiteSpace(url) && !IsHttpUrl(url))
        {
            errors.Add(path, NotAValidUrl);
        }
    }

    private static JsonElement? OfKind(JsonElement value, JsonValueKind kind, string path, string reason, ValidationErrors errors)
    {
        if (value.ValueKind == kind)
        {
            return value;
        }

        errors.Add(path, reason);
        return null;
    }
}
