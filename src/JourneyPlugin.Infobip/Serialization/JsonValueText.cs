using System.Buffers;
using System.Text;
using System.Text.Json;

namespace JourneyPlugin.Infobip.Serialization;

/// <summary>Short descriptions of JSON values for error messages: <c>'abc'</c>, <c>12</c>, <c>an object</c>.</summary>
internal static class JsonValueText
{
    // Long enough for any timestamp or id, short enough to keep messages (and any PII in them) small.
    private const int MaxStringLength = 64;

    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => Quote(reader.GetString()!),
        JsonTokenType.Number => Truncate(Encoding.UTF8.GetString(
            reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan)),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => "nothing",
    };

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Quote(element.GetString()!),
        JsonValueKind.Number => Truncate(element.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };

    private static string Quote(string value) => $"'{Truncate(value)}'";

    private static string Truncate(string value) =>
        value.Length <= MaxStringLength ? value : string.Concat(value.AsSpan(0, MaxStringLength - 3), "...");
}
