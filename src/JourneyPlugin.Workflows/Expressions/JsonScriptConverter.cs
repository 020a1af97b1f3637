using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scriban.Runtime;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>
/// Turns JSON into the values Scriban works with natively: <see cref="ScriptObject"/>, <see cref="ScriptArray"/>,
/// <see cref="long"/>, <see cref="decimal"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/> and null.
/// </summary>
/// <remarks>
/// Templates only ever see these copies, never CLR objects, which keeps .NET members out of reach and leaves the
/// caller's JSON untouched when a template assigns to a member.
/// </remarks>
internal static class JsonScriptConverter
{
    private static readonly object s_true = true;
    private static readonly object s_false = false;

    public static ScriptObject ToScriptObject(JsonObject json)
    {
        var result = new ScriptObject(json.Count);
        foreach (var (name, value) in json)
        {
            result.SetValue(name, ToScriptValue(value), readOnly: false);
        }

        return result;
    }

    public static ScriptObject ToScriptObject(IReadOnlyDictionary<string, JsonNode?> values)
    {
        var result = new ScriptObject(values.Count);
        foreach (var (name, value) in values)
        {
            result.SetValue(name, ToScriptValue(value), readOnly: false);
        }

        return result;
    }

    public static object? ToScriptValue(JsonNode? node) => node switch
    {
        null => null,
        JsonObject json => ToScriptObject(json),
        JsonArray array => ToScriptArray(array),
        JsonValue value => ToScriptValue(value),
        _ => throw new NotSupportedException($"Unexpected JSON node {node.GetType()}."),
    };

    private static ScriptArray ToScriptArray(JsonArray array)
    {
        var result = new ScriptArray(array.Count);
        foreach (var item in array)
        {
            result.Add(ToScriptValue(item));
        }

        return result;
    }

    private static object? ToScriptValue(JsonValue value)
    {
        // Parsed JSON holds elements; values built in code hold the CLR value itself.
        if (value.TryGetValue(out JsonElement element))
        {
            return ToScriptValue(element);
        }

        return value.GetValue<object>() switch
        {
            string text => text,
            bool flag => flag ? s_true : s_false,
            long number => number,
            int number => (long)number,
            short number => (long)number,
            sbyte number => (long)number,
            byte number => (long)number,
            ushort number => (long)number,
            uint number => (long)number,
            ulong number => number <= long.MaxValue ? (long)number : (decimal)number,
            decimal number => number,
            double number => number,
            float number => (double)number,
            char character => character.ToString(),
            DateTime dateTime => dateTime,
            DateTimeOffset dateTime => dateTime.UtcDateTime,
            Guid guid => guid.ToString("D"),
            Enum item => item.ToString(),
            _ => FromJsonText(value),
        };
    }

    // Rare CLR values (TimeSpan, Uri...): take them as the JSON they serialize to.
    private static object? FromJsonText(JsonValue value)
    {
        using var document = JsonDocument.Parse(value.ToJsonString());
        return ToScriptValue(document.RootElement);
    }

    private static object? ToScriptValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.True:
                return s_true;
            case JsonValueKind.False:
                return s_false;
            case JsonValueKind.Number:
                return ToNumber(element);
            case JsonValueKind.Object:
                var result = new ScriptObject();
                foreach (var property in element.EnumerateObject())
                {
                    result.SetValue(property.Name, ToScriptValue(property.Value), readOnly: false);
                }

                return result;
            case JsonValueKind.Array:
                var array = new ScriptArray(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(ToScriptValue(item));
                }

                return array;
            default:
                return null;
        }
    }

    // Whole numbers stay exact as long; fractions as decimal (prices), and only what decimal cannot hold becomes double.
    private static object ToNumber(JsonElement element)
    {
        if (element.TryGetInt64(out var whole))
        {
            return whole;
        }

        if (element.TryGetDecimal(out var exact))
        {
            return exact;
        }

        return element.TryGetDouble(out var approximate) ? approximate : double.Parse(element.GetRawText(), CultureInfo.InvariantCulture);
    }
}
