using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Definitions;

/// <summary>
/// Parses a definition file into a <see cref="JsonObject"/>. A first pass with <see cref="Utf8JsonReader"/> finds
/// syntax errors and duplicate keys and reports them with their JSON path, line and byte, which
/// <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/> alone does not give.
/// </summary>
internal static class WorkflowJsonReader
{
    /// <summary>Parses <paramref name="json"/>, which must be one JSON object without comments or duplicate keys.</summary>
    public static JsonObject Parse(string json, string? source)
    {
        // A byte order mark can survive reading a file as text; it is not part of the JSON.
        var utf8 = Encoding.UTF8.GetBytes(json.StartsWith('\uFEFF') ? json[1..] : json);
        Check(utf8, source);
        var node = JsonNode.Parse(utf8);
        return node as JsonObject ?? throw JsonFields.WrongType(JsonPaths.Root, "a JSON object", node, source);
    }

    private static void Check(ReadOnlySpan<byte> utf8, string? source)
    {
        var reader = new Utf8JsonReader(utf8);
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var frame = frames[^1];
                        frame.Property = name;
                        if (!frame.Names!.Add(name))
                        {
                            var (line, column) = Position(utf8, reader.TokenStartIndex);
                            throw new WorkflowDefinitionFormatException(
                                source, PathOf(frames), $"duplicate property '{name}' (line {line}, byte {column})");
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        OnValue(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        OnValue(frames);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            // The reader's message ends with its own 0-based "LineNumber: 0 | BytePositionInLine: 3."; say it 1-based.
            var message = e.Message;
            var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = suffix >= 0 ? message[..suffix] : message;
            throw new WorkflowDefinitionFormatException(
                source, PathOf(frames), $"not valid JSON: {message} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})", e);
        }
    }

    private static void OnValue(List<Frame> frames)
    {
        if (frames.Count > 0 && !frames[^1].IsObject)
        {
            frames[^1].Index++;
        }
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = JsonPaths.Root;
        foreach (var frame in frames)
        {
            if (frame.IsObject && frame.Property is not null)
            {
                path = JsonPaths.Property(path, frame.Property);
            }
            else if (!frame.IsObject && frame.Index >= 0)
            {
                path = JsonPaths.Index(path, frame.Index);
            }
        }

        return path;
    }

    private static (long Line, long Byte) Position(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, offset - lineStart + 1);
    }

    /// <summary>An object or array being read: the keys seen so far, or the index of the current item.</summary>
    private sealed class Frame(bool isObject)
    {
        public bool IsObject { get; } = isObject;

        public HashSet<string>? Names { get; } = isObject ? new(StringComparer.Ordinal) : null;

        public string? Property { get; set; }

        public int Index { get; set; } = -1;
    }
}
