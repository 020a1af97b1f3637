using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Definitions;

/// <summary>
/// Typed reads and in-place writes of the fields of a <see cref="JsonObject"/>. Reads are case-tolerant, as Elsa's
/// reader is, and throw <see cref="WorkflowDefinitionFormatException"/> naming the field's path when a value has the
/// wrong type. Writes keep the key as spelled in the file and its position, so edits make small diffs.
/// </summary>
internal static class JsonFields
{
    /// <summary>Finds <paramref name="key"/>: the exact spelling first, else the first key equal ignoring case.</summary>
    public static bool TryFind(JsonObject obj, string key, [NotNullWhen(true)] out string? actualKey, out JsonNode? value)
    {
        if (obj.TryGetPropertyValue(key, out value))
        {
            actualKey = key;
            return true;
        }

        foreach (var (name, node) in obj)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                actualKey = name;
                value = node;
                return true;
            }
        }

        actualKey = null;
        value = null;
        return false;
    }

    /// <summary>The value of <paramref name="key"/>, or null when it is missing.</summary>
    public static JsonNode? Get(JsonObject obj, string key) => TryFind(obj, key, out _, out var value) ? value : null;

    /// <summary>The path of <paramref name="key"/> in <paramref name="obj"/>, spelled as in the file when present.</summary>
    public static string PathOf(JsonObject obj, string key) =>
        JsonPaths.Property(obj.GetPath(), TryFind(obj, key, out var actualKey, out _) ? actualKey : key);

    /// <summary>A string field; null when missing or null.</summary>
    public static string? GetString(JsonObject obj, string key, string? source) =>
        Get(obj, key) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            var other => throw WrongType(obj, key, "a string", other, source),
        };

    /// <summary>A string field that must be present and not empty.</summary>
    public static string GetRequiredString(JsonObject obj, string key, string? source)
    {
        var value = GetString(obj, key, source) ?? throw Missing(obj, key, source);
        return value.Length > 0 ? value : throw new WorkflowDefinitionFormatException(source, PathOf(obj, key), "must not be empty");
    }

    /// <summary>An integer field; null when missing or null.</summary>
    public static int? GetInt32(JsonObject obj, string key, string? source) =>
        Get(obj, key) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) => number,
            var other => throw WrongType(obj, key, "an integer", other, source),
        };

    /// <summary>A number field; null when missing or null.</summary>
    public static double? GetDouble(JsonObject obj, string key, string? source) =>
        Get(obj, key) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<double>(out var number) => number,
            var other => throw WrongType(obj, key, "a number", other, source),
        };

    /// <summary>A <c>true</c>/<c>false</c> field; null when missing or null.</summary>
    public static bool? GetBoolean(JsonObject obj, string key, string? source) =>
        Get(obj, key) switch
        {
            null => null,
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            var other => throw WrongType(obj, key, "true or false", other, source),
        };

    /// <summary>An object field; null when missing or null.</summary>
    public static JsonObject? GetObject(JsonObject obj, string key, string? source) =>
        Get(obj, key) switch
        {
            null => null,
            JsonObject value => value,
            var other => throw WrongType(obj, key, "an object", other, source),
        };

    /// <summary>An array field; null when missing or null.</summary>
    public static JsonArray? GetArray(JsonObject obj, string key, string? source) =>
        Get(obj, key) switch
        {
            null => null,
            JsonArray value => value,
            var other => throw WrongType(obj, key, "an array", other, source),
        };

    /// <summary>
    /// Sets <paramref name="key"/> in place when present (under its spelling in the file). A new key goes right before
    /// the first present key that follows it in <paramref name="order"/>, else at the end, so keys Elsa writes after
    /// an activity's inputs (<c>customProperties</c>, <c>metadata</c>) stay after them.
    /// </summary>
    public static void Set(JsonObject obj, string key, JsonNode? value, ReadOnlySpan<string> order)
    {
        if (TryFind(obj, key, out var actualKey, out _))
        {
            obj[actualKey] = value;
            return;
        }

        var position = order.IndexOf(key);
        if (position >= 0)
        {
            foreach (var following in order[(position + 1)..])
            {
                if (TryFind(obj, following, out var followingKey, out _))
                {
                    obj.Insert(obj.IndexOf(followingKey), key, value);
                    return;
                }
            }
        }

        obj.Add(key, value);
    }

    /// <summary>Sets a string, or removes the key when <paramref name="value"/> is null; an unchanged value is left as is.</summary>
    public static void SetString(JsonObject obj, string key, string? value, ReadOnlySpan<string> order)
    {
        if (value is null)
        {
            Remove(obj, key);
        }
        else if (Get(obj, key) is not JsonValue existing || existing.GetValueKind() != JsonValueKind.String || existing.GetValue<string>() != value)
        {
            Set(obj, key, JsonValue.Create(value), order);
        }
    }

    /// <summary>Sets a number; an equal number is left as written in the file (<c>1.0</c> stays <c>1.0</c>).</summary>
    public static void SetNumber(JsonObject obj, string key, double value, ReadOnlySpan<string> order)
    {
        if (Get(obj, key) is not JsonValue existing || existing.GetValueKind() != JsonValueKind.Number
            || !existing.TryGetValue<double>(out var current) || current != value)
        {
            Set(obj, key, JsonValue.Create(value), order);
        }
    }

    /// <summary>Sets an integer; an equal number is left as written in the file.</summary>
    public static void SetInt32(JsonObject obj, string key, int value, ReadOnlySpan<string> order)
    {
        if (Get(obj, key) is not JsonValue existing || existing.GetValueKind() != JsonValueKind.Number
            || !existing.TryGetValue<double>(out var current) || current != value)
        {
            Set(obj, key, JsonValue.Create(value), order);
        }
    }

    /// <summary>Sets true or false; an equal value is left alone.</summary>
    public static void SetBoolean(JsonObject obj, string key, bool value, ReadOnlySpan<string> order)
    {
        var kind = Get(obj, key)?.GetValueKind();
        if (kind != (value ? JsonValueKind.True : JsonValueKind.False))
        {
            Set(obj, key, JsonValue.Create(value), order);
        }
    }

    /// <summary>Removes <paramref name="key"/> (found case-tolerantly); false when it was not there.</summary>
    public static bool Remove(JsonObject obj, string key) => TryFind(obj, key, out var actualKey, out _) && obj.Remove(actualKey);

    /// <summary>The exception for a required field that is missing or null.</summary>
    public static WorkflowDefinitionFormatException Missing(JsonObject obj, string key, string? source) =>
        new(source, PathOf(obj, key), "required field is missing");

    /// <summary>The exception for a field whose value has the wrong type.</summary>
    public static WorkflowDefinitionFormatException WrongType(JsonObject obj, string key, string expected, JsonNode? found, string? source) =>
        new(source, PathOf(obj, key), $"expected {expected}, found {Describe(found)}");

    /// <summary>The exception for a value (not a field) of the wrong type, e.g. an array item.</summary>
    public static WorkflowDefinitionFormatException WrongType(string path, string expected, JsonNode? found, string? source) =>
        new(source, path, $"expected {expected}, found {Describe(found)}");

    /// <summary>Names the kind of a JSON value for messages: <c>a string</c>, <c>the number 1.5</c>, <c>null</c>.</summary>
    public static string Describe(JsonNode? node) =>
        node?.GetValueKind() switch
        {
            null or JsonValueKind.Null => "null",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => string.Create(CultureInfo.InvariantCulture, $"the number {node.ToJsonString()}"),
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            var kind => kind.ToString()!,
        };
}
