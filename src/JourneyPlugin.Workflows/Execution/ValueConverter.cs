using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace JourneyPlugin.Workflows.Execution;

/// <summary>Converts evaluated values (JSON, rendered text, numbers) to the type an input asks for, and back to JSON for state.</summary>
public static class ValueConverter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Converts <paramref name="value"/> to <paramref name="targetType"/>.</summary>
    /// <exception cref="FormatException">The value cannot be read as that type; the message says what was expected.</exception>
    public static object? Convert(object? value, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        var target = Nullable.GetUnderlyingType(targetType) ?? targetType;
        if (value is null || (value is JsonValue nullValue && nullValue.GetValueKind() == JsonValueKind.Null))
        {
            return null;
        }

        if (target == typeof(object))
        {
            return value;
        }

        if (target.IsInstanceOfType(value) && value is not JsonNode)
        {
            return value;
        }

        try
        {
            return value switch
            {
                JsonNode node => FromJson(node, target),
                string text => FromText(text, target),
                IConvertible convertible when target == typeof(string) => convertible is bool b ? (b ? "true" : "false") : convertible.ToString(CultureInfo.InvariantCulture),
                IConvertible convertible when target.IsPrimitive || target == typeof(decimal) => System.Convert.ChangeType(convertible, target, CultureInfo.InvariantCulture),
                _ when typeof(JsonNode).IsAssignableFrom(target) => ToJson(value),
                _ => JsonSerializer.Deserialize(JsonSerializer.SerializeToNode(value, value.GetType(), Options), target, Options),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidCastException or OverflowException or ArgumentException or NotSupportedException)
        {
            throw new FormatException($"expected {Describe(target)} but got {Show(value)}", e);
        }
    }

    /// <summary>The value as JSON, for variables, outputs and state.</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.Parent is null ? node : node.DeepClone(),
        TimeSpan span => JsonValue.Create(span.ToString("c", CultureInfo.InvariantCulture)),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), Options),
    };

    /// <summary>Reads an ISO 8601 duration (<c>PT24H</c>, <c>P2D</c>) or .NET's <c>1.00:00:00</c>.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        try
        {
            return trimmed.StartsWith('P') || trimmed.StartsWith("-P", StringComparison.Ordinal)
                ? XmlConvert.ToTimeSpan(trimmed)
                : TimeSpan.Parse(trimmed, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new FormatException($"expected a duration such as PT24H, P2D or 1.00:00:00 but got '{text}'", e);
        }
    }

    private static object? FromJson(JsonNode node, Type target)
    {
        if (typeof(JsonNode).IsAssignableFrom(target))
        {
            return target.IsInstanceOfType(node) ? node : throw new InvalidCastException();
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return FromText(value.GetValue<string>(), target);
        }

        if (target == typeof(string))
        {
            return node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number
                ? v.ToJsonString()
                : node.ToJsonString();
        }

        return node.Deserialize(target, Options);
    }

    private static object? FromText(string text, Type target)
    {
        if (target == typeof(string))
        {
            return text;
        }

        if (target == typeof(TimeSpan))
        {
            return ParseDuration(text);
        }

        if (target == typeof(bool))
        {
            return bool.Parse(text.Trim());
        }

        if (target == typeof(Uri))
        {
            return new Uri(text.Trim(), UriKind.RelativeOrAbsolute);
        }

        if (target.IsEnum)
        {
            return Enum.Parse(target, text.Trim(), ignoreCase: true);
        }

        if (target.IsPrimitive || target == typeof(decimal))
        {
            return System.Convert.ChangeType(text.Trim(), target, CultureInfo.InvariantCulture);
        }

        if (typeof(JsonNode).IsAssignableFrom(target))
        {
            return JsonValue.Create(text);
        }

        if (target == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        }

        // Lists, dictionaries and records given as JSON text (Elsa's Object syntax).
        return JsonSerializer.Deserialize(text, target, Options);
    }

    private static string Describe(Type type) => type == typeof(TimeSpan) ? "a duration" : $"a {Descriptors.TypeAliases.Of(type)}";

    private static string Show(object value)
    {
        var text = value is JsonNode node ? node.ToJsonString() : System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        return text.Length > 80 ? $"'{text[..80]}…'" : $"'{text}'";
    }
}
