using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace JourneyPlugin.Infobip.Serialization;

/// <summary>
/// Turns System.Text.Json failures into a JSON path and a short reason, e.g.
/// <c>$.results[0].messageCount</c> and <c>expected a 32-bit integer, found 'one'</c>.
/// </summary>
internal static class InfobipJsonErrors
{
    public const string MissingField = "required field is missing";

    public const string ExpectedObjectFoundNull = "expected an object, found null";

    /// <summary>
    /// Describes <paramref name="exception"/>, raised while reading <paramref name="document"/> (when
    /// available) as <paramref name="root"/>. The path is relative to that document.
    /// </summary>
    public static (string Path, string Reason) Describe(JsonException exception, JsonTypeInfo root, JsonElement? document)
    {
        if (exception is InfobipJsonException ours)
        {
            return ((exception.Path ?? "$") + ours.RelativePath, ours.Reason);
        }

        // System.Text.Json wraps the reader's own exception when the text is not JSON at all; its
        // position is 0-based and points at the offending byte.
        if (exception.InnerException is JsonException syntax)
        {
            return ("$", string.Create(
                CultureInfo.InvariantCulture,
                $"not valid JSON (line {(syntax.LineNumber ?? 0) + 1}, byte {(syntax.BytePositionInLine ?? 0) + 1})"));
        }

        // Anything else is a value System.Text.Json could not convert to the property's type; the
        // metadata says what was expected and the document what was found.
        var path = exception.Path ?? "$";
        var segments = ParsePath(path);
        var expected = segments is null ? null : DescribeExpected(root, segments);
        var found = segments is null || document is null ? null : Find(document.Value, segments);
        var reason = (expected, found) switch
        {
            (not null, { } value) => $"expected {expected}, found {JsonValueText.Describe(value)}",
            (not null, null) => $"expected {expected}",
            _ => "has a value of the wrong type",
        };
        return (path, reason);
    }

    private static string? DescribeExpected(JsonTypeInfo root, List<Segment> segments)
    {
        var typeInfo = root;
        foreach (var segment in segments)
        {
            var next = segment.Name is { } name
                ? typeInfo.Kind == JsonTypeInfoKind.Object ? typeInfo.Properties.FirstOrDefault(p => p.Name == name)?.PropertyType : null
                : typeInfo.Kind == JsonTypeInfoKind.Enumerable ? typeInfo.ElementType : null;
            if (next is null)
            {
                return null;
            }

            typeInfo = typeInfo.Options.GetTypeInfo(next);
        }

        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        return type switch
        {
            _ when type == typeof(string) => "a string",
            _ when type == typeof(int) => "a 32-bit integer",
            _ when type == typeof(long) => "a 64-bit integer",
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(DateTimeOffset) => "an Infobip timestamp",
            _ => typeInfo.Kind switch
            {
                JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
                JsonTypeInfoKind.Enumerable => "an array",
                _ => null,
            },
        };
    }

    private static JsonElement? Find(JsonElement element, List<Segment> segments)
    {
        foreach (var segment in segments)
        {
            if (segment.Name is { } name)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                {
                    return null;
                }
            }
            else
            {
                if (element.ValueKind != JsonValueKind.Array || segment.Index >= element.GetArrayLength())
                {
                    return null;
                }

                element = element[segment.Index];
            }
        }

        return element;
    }

    // Reads the paths System.Text.Json reports: $.name, $['quoted name'], $.list[3].
    private static List<Segment>? ParsePath(string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }

        var segments = new List<Segment>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(new Segment(path[(i + 1)..end], 0));
                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                segments.Add(new Segment(path[(i + 2)..end], 0));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0 || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                segments.Add(new Segment(null, index));
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return segments;
    }

    private readonly record struct Segment(string? Name, int Index);
}
