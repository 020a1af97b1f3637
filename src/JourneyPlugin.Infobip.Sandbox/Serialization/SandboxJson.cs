using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Infobip.Sandbox.Serialization;

/// <summary>How the sandbox reads and writes JSON.</summary>
internal static class SandboxJson
{
    /// <summary>Compact output that keeps non-ASCII text readable; these bodies are never embedded in HTML.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Strict parsing, as Infobip's Jackson parser is: no comments, no trailing commas.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    public static string Serialize(JsonNode node) => node.ToJsonString(Options);

    public static byte[] SerializeToUtf8Bytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Options);

    /// <summary>Parses <paramref name="text"/>, or returns null if it is not JSON.</summary>
    public static JsonDocument? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
