using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Definitions;

/// <summary>
/// One activity of a flowchart, over its JSON object in the definition. The structural keys (<c>id</c>,
/// <c>nodeId</c>, <c>name</c>, <c>type</c>, <c>version</c>, <c>customProperties</c>, <c>metadata</c>) have typed
/// accessors; every other key is an activity property (an input, an output binding, or something this layer does
/// not know), read and written as JSON.
/// </summary>
/// <remarks>
/// Accessors read and write the backing <see cref="Json"/>, so edits made here or there are seen by both. Which
/// properties are inputs and which outputs is known from the activity's descriptor, not from the file.
/// </remarks>
public sealed class ActivityNode
{
    private static readonly string[] Order = ["id", "nodeId", "name", "type", "version", "customProperties", "metadata"];
    private static readonly string[] DesignerOrder = ["position", "size"];

    private readonly FlowchartNode _flowchart;

    internal ActivityNode(JsonObject json, FlowchartNode flowchart)
    {
        Json = json;
        _flowchart = flowchart;
    }

    /// <summary>The activity's object in the definition.</summary>
    public JsonObject Json { get; }

    /// <summary>Where the activity is in the file, e.g. <c>$.root.activities[2]</c>; follows moves in its array.</summary>
    public string JsonPath => Json.GetPath();

    /// <summary>The id, unique within the definition (16 hexadecimal characters in Elsa's exports).</summary>
    public string Id => JsonFields.GetRequiredString(Json, "id", Source);

    /// <summary>The hierarchical id, <c>Workflow1:&lt;flowchartId&gt;:&lt;activityId&gt;</c>; null when the file has none.</summary>
    public string? NodeId => JsonFields.GetString(Json, "nodeId", Source);

    /// <summary>The user-facing name expressions refer to; setting null removes it.</summary>
    public string? Name
    {
        get => JsonFields.GetString(Json, "name", Source);
        set => JsonFields.SetString(Json, "name", value, Order);
    }

    /// <summary>The activity type, <c>Namespace.TypeName</c>, e.g. <c>Elsa.WriteLine</c>.</summary>
    public string Type => JsonFields.GetRequiredString(Json, "type", Source);

    /// <summary>The version of the activity type; 1 when the file has none.</summary>
    public int Version
    {
        get => JsonFields.GetInt32(Json, "version", Source) ?? 1;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            JsonFields.SetInt32(Json, "version", value, Order);
        }
    }

    /// <summary>The <c>customProperties</c> object (<c>canStartWorkflow</c>, <c>runAsynchronously</c>, …).</summary>
    /// <remarks>When the file has none an empty object is added; it is not written out while it stays empty.</remarks>
    public JsonObject CustomProperties => _flowchart.Definition.GetOrAddObject(Json, "customProperties", Order);

    /// <summary>The <c>metadata</c> object (designer position and size, display text, …).</summary>
    /// <remarks>When the file has none an empty object is added; it is not written out while it stays empty.</remarks>
    public JsonObject Metadata => _flowchart.Definition.GetOrAddObject(Json, "metadata", Order);

    /// <summary><c>customProperties.canStartWorkflow</c>; false when missing.</summary>
    public bool CanStartWorkflow
    {
        get => ReadCustomFlag("canStartWorkflow");
        set => JsonFields.SetBoolean(CustomProperties, "canStartWorkflow", value, []);
    }

    /// <summary><c>customProperties.runAsynchronously</c>; false when missing.</summary>
    public bool RunAsynchronously
    {
        get => ReadCustomFlag("runAsynchronously");
        set => JsonFields.SetBoolean(CustomProperties, "runAsynchronously", value, []);
    }

    /// <summary>The designer position, <c>metadata.designer.position</c>; null when the file has none.</summary>
    public (double X, double Y)? Position
    {
        get => ReadDesignerPair("position", "x", "y");
        set => WriteDesignerPair("position", "x", "y", value);
    }

    /// <summary>The designer size, <c>metadata.designer.size</c>; null when the file has none.</summary>
    public (double Width, double Height)? Size
    {
        get => ReadDesignerPair("size", "width", "height");
        set => WriteDesignerPair("size", "width", "height", value);
    }

    /// <summary>The names of the activity's properties: every key but the structural ones, in file order.</summary>
    public IEnumerable<string> PropertyNames =>
        Json.Select(p => p.Key).Where(key => !Order.Contains(key, StringComparer.OrdinalIgnoreCase));

    private string? Source => _flowchart.Definition.Source;

    /// <summary>The raw JSON of a property (found case-tolerantly); null when missing or JSON null.</summary>
    public JsonNode? GetProperty(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return JsonFields.Get(Json, name);
    }

    /// <summary>Sets a property's raw JSON in place, or adds it before <c>customProperties</c> as Elsa orders keys.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is a structural key, which has its own accessor.</exception>
    public void SetProperty(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Order.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{name}' is a structural key of an activity, not a property.", nameof(name));
        }

        if (JsonFields.TryFind(Json, name, out var actualKey, out _))
        {
            Json[actualKey] = value;
            return;
        }

        var index = Json.Count;
        foreach (var key in (ReadOnlySpan<string>)["customProperties", "metadata"])
        {
            if (JsonFields.TryFind(Json, key, out var structuralKey, out _))
            {
                index = Math.Min(index, Json.IndexOf(structuralKey));
            }
        }

        Json.Insert(index, name, value);
    }

    /// <summary>Removes a property; false when there was none.</summary>
    public bool RemoveProperty(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return !Order.Contains(name, StringComparer.OrdinalIgnoreCase) && JsonFields.Remove(Json, name);
    }

    /// <summary>A property read as an input; null when missing or JSON null.</summary>
    /// <exception cref="WorkflowDefinitionFormatException">The wrapped form has a wrongly typed part, e.g. a non-object <c>expression</c>.</exception>
    public InputValue? GetInput(string name) => InputValue.Read(GetProperty(name), Source);

    /// <summary>
    /// Sets an input. A wrapped value written over a wrapped one changes only the parts that differ and keeps
    /// <c>memoryReference</c> and unknown keys; otherwise the property is replaced.
    /// </summary>
    public void SetInput(string name, InputValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var existing = GetProperty(name);
        if (value.IsWrapped && existing is JsonObject wrapped && InputValue.IsWrappedForm(wrapped))
        {
            value.WriteInto(wrapped, Source);
        }
        else if (existing is null || !JsonNode.DeepEquals(existing, value.ToJsonNode()))
        {
            SetProperty(name, value.ToJsonNode());
        }
    }

    /// <summary>A property read as an output binding; null when missing, JSON null or bound to no variable.</summary>
    /// <exception cref="WorkflowDefinitionFormatException">The property is neither an object nor null, or has wrongly typed parts.</exception>
    public OutputBinding? GetOutput(string name) =>
        OutputBinding.Read(GetProperty(name), JsonFields.PathOf(Json, name), Source);

    /// <summary>
    /// Binds an output to a variable, keeping a <c>converter</c> and unknown keys of an existing binding; null unbinds it,
    /// writing JSON <c>null</c> as Elsa does for unbound outputs.
    /// </summary>
    public void SetOutput(string name, OutputBinding? binding)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var existing = GetProperty(name);
        if (binding is null)
        {
            if (existing is not null || !JsonFields.TryFind(Json, name, out _, out _))
            {
                SetProperty(name, null);
            }
        }
        else if (existing is JsonObject obj)
        {
            binding.WriteInto(obj);
        }
        else
        {
            SetProperty(name, binding.ToJsonObject());
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Id} at {JsonPath}";

    /// <summary>Reads every structural key, so a wrongly typed one is reported when the file is loaded.</summary>
    internal void Validate()
    {
        _ = (Id, NodeId, Name, Type, Version, Position, Size);
        _ = JsonFields.GetObject(Json, "customProperties", Source);
        _ = JsonFields.GetObject(Json, "metadata", Source);
    }

    private bool ReadCustomFlag(string key) =>
        JsonFields.GetObject(Json, "customProperties", Source) is { } properties
        && (JsonFields.GetBoolean(properties, key, Source) ?? false);

    private (double, double)? ReadDesignerPair(string key, string first, string second)
    {
        var metadata = JsonFields.GetObject(Json, "metadata", Source);
        var designer = metadata is null ? null : JsonFields.GetObject(metadata, "designer", Source);
        var pair = designer is null ? null : JsonFields.GetObject(designer, key, Source);
        return pair is null ? null : (JsonFields.GetDouble(pair, first, Source) ?? 0, JsonFields.GetDouble(pair, second, Source) ?? 0);
    }

    private void WriteDesignerPair(string key, string first, string second, (double, double)? value)
    {
        if (value is not { } pair)
        {
            if (JsonFields.GetObject(Json, "metadata", Source) is { } metadata
                && JsonFields.GetObject(metadata, "designer", Source) is { } existingDesigner)
            {
                JsonFields.Remove(existingDesigner, key);
            }

            return;
        }

        var designer = _flowchart.Definition.GetOrAddObject(Metadata, "designer", ["designer"]);
        var target = _flowchart.Definition.GetOrAddObject(designer, key, DesignerOrder);
        JsonFields.SetNumber(target, first, pair.Item1, [first, second]);
        JsonFields.SetNumber(target, second, pair.Item2, [first, second]);
    }
}
