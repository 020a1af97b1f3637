using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Definitions;

/// <summary>
/// Writes definition files in one canonical layout: two-space indentation, <c>\n</c> line endings, a trailing newline,
/// and no escaping beyond what JSON requires for readable text, so files written here diff cleanly.
/// </summary>
internal static class WorkflowJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Keeps non-ASCII and <>&'+ as they are. Control and invisible characters stay escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The text of <paramref name="node"/>, ending with a newline.</summary>
    public static string Write(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            node.WriteTo(writer);
        }

        return UnescapeSurrogatePairs(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)) + "\n";
    }

    // The encoders escape every character outside the Basic Multilingual Plane, emoji included (😀 becomes
    // \uD83D\uDE00). WhatsApp messages are full of emoji, so write valid pairs as the characters themselves.
    private static string UnescapeSurrogatePairs(string json)
    {
        if (!json.Contains("\\uD", StringComparison.OrdinalIgnoreCase))
        {
            return json;
        }

        var result = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\')
            {
                result.Append(json[i]);
                continue;
            }

            if (TryReadEscape(json, i, out var high) && char.IsHighSurrogate(high)
                && TryReadEscape(json, i + 6, out var low) && char.IsLowSurrogate(low))
            {
                result.Append(high).Append(low);
                i += 11;
            }
            else
            {
                // Any other escape is copied whole, so the backslash of "\\uD83D" is never taken for an escape.
                result.Append(json, i, 2);
                i++;
            }
        }

        return result.ToString();
    }

    private static bool TryReadEscape(string json, int index, out char value)
    {
        value = default;
        if (index + 6 > json.Length || json[index] != '\\' || json[index + 1] != 'u'
            || !ushort.TryParse(json.AsSpan(index + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code))
        {
            return false;
        }

        value = (char)code;
        return true;
    }
}
