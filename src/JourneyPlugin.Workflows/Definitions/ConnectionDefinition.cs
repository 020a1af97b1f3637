using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Definitions;

/// <summary>
/// A flowchart connection from an activity's outcome port to another activity's <c>In</c> port:
/// <c>{"source": {"activity": "…", "port": "Sent"}, "target": {"activity": "…", "port": "In"}}</c>.
/// </summary>
/// <remarks>
/// Also read: the legacy flat form <c>{"source": "…", "sourcePort": "Done", "target": "…", "targetPort": "In"}</c> and
/// any casing of the keys (<c>Source</c>, <c>Activity</c>), as Elsa's reader. A missing source port reads as
/// <c>Done</c> (the implicit outcome) and a missing target port as <c>In</c>. Whether the activities exist is for
/// validation to check, not for reading.
/// </remarks>
/// <param name="SourceActivityId">The id of the activity the connection leaves.</param>
/// <param name="SourcePort">The outcome it leaves by, e.g. <c>Done</c>, <c>Sent</c>, <c>True</c>.</param>
/// <param name="TargetActivityId">The id of the activity it enters.</param>
/// <param name="TargetPort">The port it enters by, <c>In</c>.</param>
/// <param name="JsonPath">Where it is in the file, e.g. <c>$.root.connections[0]</c>, as of reading.</param>
public sealed record ConnectionDefinition(
    string SourceActivityId,
    string SourcePort,
    string TargetActivityId,
    string TargetPort,
    string JsonPath)
{
    /// <summary>The port a connection leaves by when the file names none: the implicit outcome.</summary>
    public const string DefaultSourcePort = "Done";

    /// <summary>The port every connection enters by.</summary>
    public const string DefaultTargetPort = "In";

    /// <summary>Whether this connection joins the given ports (ordinal comparison).</summary>
    public bool Joins(string sourceActivityId, string sourcePort, string targetActivityId, string targetPort) =>
        SourceActivityId == sourceActivityId && SourcePort == sourcePort
        && TargetActivityId == targetActivityId && TargetPort == targetPort;

    /// <summary>Reads one item of a flowchart's <c>connections</c>.</summary>
    internal static ConnectionDefinition Read(JsonNode? node, string path, string? source)
    {
        if (node is not JsonObject obj)
        {
            throw JsonFields.WrongType(path, "a connection object", node, source);
        }

        var (sourceId, sourcePort) = ReadEndpoint(obj, "source", DefaultSourcePort, source);
        var (targetId, targetPort) = ReadEndpoint(obj, "target", DefaultTargetPort, source);
        return new(sourceId, sourcePort, targetId, targetPort, path);
    }

    /// <summary>The JSON of a new connection, in the current nested form.</summary>
    internal static JsonObject ToJsonObject(string sourceActivityId, string sourcePort, string targetActivityId, string targetPort) => new()
    {
        ["source"] = new JsonObject { ["activity"] = sourceActivityId, ["port"] = sourcePort },
        ["target"] = new JsonObject { ["activity"] = targetActivityId, ["port"] = targetPort },
    };

    private static (string ActivityId, string Port) ReadEndpoint(JsonObject connection, string end, string defaultPort, string? source)
    {
        switch (JsonFields.Get(connection, end))
        {
            case null:
                throw JsonFields.Missing(connection, end, source);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                // Legacy flat form: "source": "<id>", "sourcePort": "<outcome>".
                var flatId = JsonFields.GetRequiredString(connection, end, source);
                return (flatId, JsonFields.GetString(connection, end + "Port", source) ?? defaultPort);
            case JsonObject endpoint:
                var id = JsonFields.GetRequiredString(endpoint, "activity", source);
                return (id, JsonFields.GetString(endpoint, "port", source) ?? defaultPort);
            case var other:
                throw JsonFields.WrongType(connection, end, "an object or an activity id", other, source);
        }
    }
}
