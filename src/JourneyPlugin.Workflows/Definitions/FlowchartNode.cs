using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Definitions;

/// <summary>
/// The root <c>Elsa.Flowchart</c> of a definition, over its JSON object: its activities, the connections between
/// their ports, and its variables.
/// </summary>
/// <remarks>
/// Lists are read from the JSON on each access, so they follow edits made here or directly in <see cref="Json"/>.
/// An activity's <see cref="ActivityNode"/> is the same instance on every access.
/// </remarks>
public sealed class FlowchartNode
{
    /// <summary>The activity type of a flowchart.</summary>
    public const string FlowchartType = "Elsa.Flowchart";

    private static readonly string[] Order =
        ["id", "nodeId", "name", "type", "version", "customProperties", "metadata", "activities", "variables", "connections"];

    private readonly ConditionalWeakTable<JsonObject, ActivityNode> _nodes = new();

    internal FlowchartNode(JsonObject json, WorkflowDefinition definition)
    {
        Json = json;
        Definition = definition;
    }

    /// <summary>The flowchart's object in the definition (<c>$.root</c>).</summary>
    public JsonObject Json { get; }

    /// <summary>Where the flowchart is in the file: <c>$.root</c>.</summary>
    public string JsonPath => Json.GetPath();

    /// <summary>The flowchart's activity id.</summary>
    public string Id => JsonFields.GetRequiredString(Json, "id", Source);

    /// <summary>The hierarchical id, <c>Workflow1:&lt;flowchartId&gt;</c>; null when the file has none.</summary>
    public string? NodeId => JsonFields.GetString(Json, "nodeId", Source);

    /// <summary>The flowchart's name, e.g. <c>Flowchart1</c>.</summary>
    public string? Name => JsonFields.GetString(Json, "name", Source);

    /// <summary>The activity type, always <see cref="FlowchartType"/>.</summary>
    public string Type => JsonFields.GetRequiredString(Json, "type", Source);

    /// <summary>The version of the flowchart activity type; 1 when the file has none.</summary>
    public int Version => JsonFields.GetInt32(Json, "version", Source) ?? 1;

    /// <summary>The <c>customProperties</c> object (<c>notFoundConnections</c>, …).</summary>
    /// <remarks>When the file has none an empty object is added; it is not written out while it stays empty.</remarks>
    public JsonObject CustomProperties => Definition.GetOrAddObject(Json, "customProperties", Order);

    /// <summary>The <c>metadata</c> object.</summary>
    /// <remarks>When the file has none an empty object is added; it is not written out while it stays empty.</remarks>
    public JsonObject Metadata => Definition.GetOrAddObject(Json, "metadata", Order);

    /// <summary>The start activity named by older (3.0) exports' <c>start</c>; null when not given.</summary>
    public string? StartActivityId => JsonFields.GetString(Json, "start", Source);

    /// <summary>The activities, in file order.</summary>
    public IReadOnlyList<ActivityNode> Activities
    {
        get
        {
            var array = JsonFields.GetArray(Json, "activities", Source);
            if (array is null)
            {
                return [];
            }

            var nodes = new List<ActivityNode>(array.Count);
            for (var i = 0; i < array.Count; i++)
            {
                var obj = array[i] as JsonObject
                    ?? throw JsonFields.WrongType(JsonPaths.Index(array.GetPath(), i), "an activity object", array[i], Source);
                nodes.Add(_nodes.GetValue(obj, o => new ActivityNode(o, this)));
            }

            return nodes;
        }
    }

    /// <summary>The connections, in file order.</summary>
    public IReadOnlyList<ConnectionDefinition> Connections
    {
        get
        {
            var array = JsonFields.GetArray(Json, "connections", Source);
            if (array is null)
            {
                return [];
            }

            var connections = new List<ConnectionDefinition>(array.Count);
            for (var i = 0; i < array.Count; i++)
            {
                connections.Add(ConnectionDefinition.Read(array[i], JsonPaths.Index(array.GetPath(), i), Source));
            }

            return connections;
        }
    }

    /// <summary>The variables declared on the flowchart (<c>$.root.variables</c>).</summary>
    public IReadOnlyList<VariableDefinition> Variables => WorkflowDefinition.ReadVariables(Json, Source);

    internal WorkflowDefinition Definition { get; }

    private string? Source => Definition.Source;

    /// <summary>The activity with <paramref name="id"/>; null when there is none.</summary>
    public ActivityNode? FindActivity(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Activities.FirstOrDefault(a => a.Id == id);
    }

    /// <summary>
    /// Adds an activity in Elsa's shape: a new 16-hex id unless one is given, <c>nodeId</c>
    /// <c>Workflow1:&lt;flowchartId&gt;:&lt;id&gt;</c>, a name such as <c>WriteLine1</c> unique in the flowchart,
    /// <c>customProperties</c> and the designer position.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is already used by an activity.</exception>
    public ActivityNode AddActivity(string type, string? id = null, double x = 0, double y = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        var activities = Activities;
        if (id is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id);
            if (activities.Any(a => a.Id == id))
            {
                throw new ArgumentException($"An activity with id '{id}' already exists.", nameof(id));
            }
        }

        id ??= WorkflowIds.NewUnique(Definition.Json);
        var json = new JsonObject
        {
            ["id"] = id,
            ["nodeId"] = $"{NodeId ?? "Workflow1:" + Id}:{id}",
            ["name"] = UniqueName(type, activities),
            ["type"] = type,
            ["version"] = 1,
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
            ["metadata"] = new JsonObject
            {
                ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = x, ["y"] = y } },
            },
        };
        GetOrAddArray("activities").Add(json);
        return _nodes.GetValue(json, o => new ActivityNode(o, this));
    }

    /// <summary>Removes the activity with <paramref name="id"/> and every connection to or from it; false when there is none.</summary>
    public bool RemoveActivity(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (FindActivity(id) is not { } node)
        {
            return false;
        }

        JsonFields.GetArray(Json, "activities", Source)!.Remove(node.Json);
        RemoveConnections(c => c.SourceActivityId == id || c.TargetActivityId == id);
        return true;
    }

    /// <summary>
    /// Connects <paramref name="sourcePort"/> of one activity to <paramref name="targetPort"/> of another, in the
    /// nested form; an existing equal connection is returned as is.
    /// </summary>
    /// <exception cref="ArgumentException">One of the activities is not in the flowchart.</exception>
    public ConnectionDefinition Connect(string sourceId, string sourcePort, string targetId, string targetPort = ConnectionDefinition.DefaultTargetPort)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceId);
        ArgumentException.ThrowIfNullOrEmpty(sourcePort);
        ArgumentException.ThrowIfNullOrEmpty(targetId);
        ArgumentException.ThrowIfNullOrEmpty(targetPort);
        var activities = Activities;
        foreach (var (id, parameter) in (ReadOnlySpan<(string, string)>)[(sourceId, nameof(sourceId)), (targetId, nameof(targetId))])
        {
            if (!activities.Any(a => a.Id == id))
            {
                throw new ArgumentException($"The flowchart has no activity with id '{id}'.", parameter);
            }
        }

        if (Connections.FirstOrDefault(c => c.Joins(sourceId, sourcePort, targetId, targetPort)) is { } existing)
        {
            return existing;
        }

        var array = GetOrAddArray("connections");
        array.Add(ConnectionDefinition.ToJsonObject(sourceId, sourcePort, targetId, targetPort));
        return ConnectionDefinition.Read(array[^1], JsonPaths.Index(array.GetPath(), array.Count - 1), Source);
    }

    /// <summary>Removes the connections joining the given ports, in whichever form they are written; false when there were none.</summary>
    public bool Disconnect(string sourceId, string sourcePort, string targetId, string targetPort = ConnectionDefinition.DefaultTargetPort) =>
        RemoveConnections(c => c.Joins(sourceId, sourcePort, targetId, targetPort)) > 0;

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Id} at {JsonPath}";

    /// <summary>Reads the structure: the flowchart's keys, every activity and connection, and activity ids being unique.</summary>
    internal void Validate()
    {
        var type = Type;
        if (type != FlowchartType)
        {
            throw new WorkflowDefinitionFormatException(
                Source, JsonFields.PathOf(Json, "type"), $"expected '{FlowchartType}', found '{type}': only flowchart roots are supported");
        }

        _ = (Id, NodeId, Name, Version, StartActivityId);
        _ = JsonFields.GetObject(Json, "customProperties", Source);
        _ = JsonFields.GetObject(Json, "metadata", Source);
        var firstById = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var activity in Activities)
        {
            activity.Validate();
            if (!firstById.TryAdd(activity.Id, activity.JsonPath))
            {
                throw new WorkflowDefinitionFormatException(
                    Source,
                    JsonFields.PathOf(activity.Json, "id"),
                    $"duplicate activity id '{activity.Id}' (also at {firstById[activity.Id]})");
            }
        }

        _ = Connections;
    }

    private int RemoveConnections(Func<ConnectionDefinition, bool> predicate)
    {
        var array = JsonFields.GetArray(Json, "connections", Source);
        var removed = 0;
        for (var i = (array?.Count ?? 0) - 1; i >= 0; i--)
        {
            if (predicate(ConnectionDefinition.Read(array![i], JsonPaths.Index(array.GetPath(), i), Source)))
            {
                array.RemoveAt(i);
                removed++;
            }
        }

        return removed;
    }

    private JsonArray GetOrAddArray(string key)
    {
        if (JsonFields.GetArray(Json, key, Source) is { } array)
        {
            return array;
        }

        array = [];
        JsonFields.Set(Json, key, array, Order);
        return array;
    }

    // Elsa Studio names a new activity after its type and a counter: WriteLine1, WriteLine2, …
    private static string UniqueName(string type, IReadOnlyList<ActivityNode> activities)
    {
        var generic = type.IndexOfAny(['<', '`']);
        var plain = generic > 0 ? type[..generic] : type;
        var name = plain[(plain.LastIndexOf('.') + 1)..];
        name = name.Length > 0 ? name : "Activity";
        var used = activities.Select(a => a.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var counter = 1;
        while (used.Contains(name + counter))
        {
            counter++;
        }

        return name + counter;
    }
}
