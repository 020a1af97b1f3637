using System.Text;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Definitions;

/// <summary>
/// An Elsa 3 workflow-definition file with an <c>Elsa.Flowchart</c> root, as a document model over the parsed JSON.
/// </summary>
/// <remarks>
/// <para>
/// Every accessor reads and writes the backing <see cref="Json"/>, so nothing the file holds is lost: unknown keys
/// and key order are kept, and an edit changes only the keys it touches. <see cref="ToJson"/> writes one canonical
/// layout (two-space indentation, <c>\n</c>, a trailing newline, non-ASCII unescaped), so a file written here and
/// read and written again is byte-identical, and any file read and written is JSON-equal.
/// </para>
/// <para>
/// Reading checks structure only: JSON syntax, value types, required keys, a flowchart root, unique activity and
/// variable ids. What the activities mean is for validation and the interpreter. Not thread-safe.
/// </para>
/// </remarks>
public sealed class WorkflowDefinition
{
    /// <summary>The <c>$schema</c> of definitions written by Elsa 3.3 and later.</summary>
    public const string SchemaUrl = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    /// <summary>The <c>toolVersion</c> of new definitions.</summary>
    public const string DefaultToolVersion = "3.5.0.0";

    private static readonly string[] Order =
    [
        "$schema", "id", "definitionId", "tenantId", "name", "description", "createdAt", "version", "toolVersion",
        "variables", "inputs", "outputs", "outcomes", "customProperties",
        "isReadonly", "isSystem", "isLatest", "isPublished", "options", "root",
    ];

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    // Objects added only because an accessor was read; left out of the output while they stay empty.
    private readonly List<(JsonObject Parent, string Key, JsonObject Added)> _addedOnRead = [];

    private WorkflowDefinition(JsonObject json, string? source)
    {
        Json = json;
        Source = source;
        var root = JsonFields.GetObject(json, "root", source) ?? throw JsonFields.Missing(json, "root", source);
        Root = new FlowchartNode(root, this);
    }

    /// <summary>The whole document.</summary>
    public JsonObject Json { get; }

    /// <summary>The file path or name the definition was read from, for messages; null when not from a file.</summary>
    public string? Source { get; }

    /// <summary>The version id (<c>id</c>).</summary>
    public string Id
    {
        get => JsonFields.GetRequiredString(Json, "id", Source);
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            JsonFields.SetString(Json, "id", value, Order);
        }
    }

    /// <summary>The logical id shared by all versions (<c>definitionId</c>).</summary>
    public string DefinitionId
    {
        get => JsonFields.GetRequiredString(Json, "definitionId", Source);
        set
        {
            ArgumentException.ThrowIfNullOrEmpty(value);
            JsonFields.SetString(Json, "definitionId", value, Order);
        }
    }

    /// <summary>The display name; setting null removes it.</summary>
    public string? Name
    {
        get => JsonFields.GetString(Json, "name", Source);
        set => JsonFields.SetString(Json, "name", value, Order);
    }

    /// <summary>The description; setting null removes it.</summary>
    public string? Description
    {
        get => JsonFields.GetString(Json, "description", Source);
        set => JsonFields.SetString(Json, "description", value, Order);
    }

    /// <summary>The version number; 1 when the file has none.</summary>
    public int Version
    {
        get => JsonFields.GetInt32(Json, "version", Source) ?? 1;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            JsonFields.SetInt32(Json, "version", value, Order);
        }
    }

    /// <summary>The Elsa version that wrote the file, e.g. <c>3.5.0.0</c>; null when not given.</summary>
    public string? ToolVersion => JsonFields.GetString(Json, "toolVersion", Source);

    /// <summary>The variables: the definition's (<c>$.variables</c>), then the root flowchart's (<c>$.root.variables</c>).</summary>
    public IReadOnlyList<VariableDefinition> Variables => [.. ReadVariables(Json, Source), .. Root.Variables];

    /// <summary>The root flowchart.</summary>
    public FlowchartNode Root { get; }

    /// <summary>Reads a definition from JSON text.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file path or name, used in messages.</param>
    /// <exception cref="WorkflowDefinitionFormatException">The text is not JSON or not a definition with a flowchart root.</exception>
    public static WorkflowDefinition Parse(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = WorkflowJsonReader.Parse(json, source);
        ValidateTopLevel(document, source);
        var definition = new WorkflowDefinition(document, source);
        definition.Validate();
        return definition;
    }

    /// <summary>Reads a definition file; its path is the <see cref="Source"/>.</summary>
    /// <exception cref="WorkflowDefinitionFormatException">The file is not JSON or not a definition with a flowchart root.</exception>
    public static async Task<WorkflowDefinition> LoadAsync(string path, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var json = await File.ReadAllTextAsync(path, ct).ConfigureAwait(false);
        return Parse(json, path);
    }

    /// <summary>
    /// A new, empty journey in the shape Elsa exports: <c>$schema</c>, 16-hex ids, version 1, <c>toolVersion</c>
    /// <see cref="DefaultToolVersion"/> and an empty <c>Elsa.Flowchart</c> root.
    /// </summary>
    public static WorkflowDefinition Create(string definitionId, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definitionId);
        ArgumentNullException.ThrowIfNull(name);
        var id = WorkflowIds.New();
        string flowchartId;
        do
        {
            flowchartId = WorkflowIds.New();
        }
        while (flowchartId == id);

        var json = new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["id"] = id,
            ["definitionId"] = definitionId,
            ["name"] = name,
            ["version"] = 1,
            ["toolVersion"] = DefaultToolVersion,
            ["variables"] = new JsonArray(),
            ["inputs"] = new JsonArray(),
            ["outputs"] = new JsonArray(),
            ["outcomes"] = new JsonArray(),
            ["customProperties"] = new JsonObject(),
            ["isReadonly"] = false,
            ["isSystem"] = false,
            ["isLatest"] = true,
            ["isPublished"] = true,
            ["options"] = new JsonObject { ["usableAsActivity"] = false, ["autoUpdateConsumingWorkflows"] = false },
            ["root"] = new JsonObject
            {
                ["id"] = flowchartId,
                ["nodeId"] = $"Workflow1:{flowchartId}",
                ["name"] = "Flowchart1",
                ["type"] = FlowchartNode.FlowchartType,
                ["version"] = 1,
                ["customProperties"] = new JsonObject
                {
                    ["notFoundConnections"] = new JsonArray(),
                    ["canStartWorkflow"] = false,
                    ["runAsynchronously"] = false,
                },
                ["metadata"] = new JsonObject(),
                ["activities"] = new JsonArray(),
                ["variables"] = new JsonArray(),
                ["connections"] = new JsonArray(),
            },
        };
        return new WorkflowDefinition(json, source: null);
    }

    /// <summary>The file's text: two-space indentation, <c>\n</c> line endings, a trailing newline, non-ASCII as is.</summary>
    public string ToJson()
    {
        // Take out the still-empty objects added on read, write, and put them back where they were.
        var taken = new List<(JsonObject Parent, int Index, string Key, JsonObject Added)>();
        foreach (var (parent, key, added) in _addedOnRead)
        {
            if (added.Count == 0 && parent.TryGetPropertyValue(key, out var current) && ReferenceEquals(current, added))
            {
                var index = parent.IndexOf(key);
                parent.RemoveAt(index);
                taken.Add((parent, index, key, added));
            }
        }

        try
        {
            return WorkflowJsonWriter.Write(Json);
        }
        finally
        {
            for (var i = taken.Count - 1; i >= 0; i--)
            {
                taken[i].Parent.Insert(taken[i].Index, taken[i].Key, taken[i].Added);
            }
        }
    }

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> as UTF-8 without a byte order mark.</summary>
    /// <remarks>Writes a temporary file next to it and moves it into place, so a failure never leaves half a file.</remarks>
    public async Task SaveAsync(string path, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var text = ToJson();
        var fullPath = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{WorkflowIds.New()}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, text, Utf8NoBom, ct).ConfigureAwait(false);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Adds a variable to the definition's <c>variables</c> with a new 16-hex id, as Elsa Studio does.
    /// </summary>
    /// <exception cref="ArgumentException">A variable named <paramref name="name"/> already exists.</exception>
    public VariableDefinition AddVariable(
        string name,
        string typeName = "Object",
        bool isArray = false,
        JsonNode? value = null,
        string? storageDriverTypeName = VariableDefinition.WorkflowInstanceStorageDriver)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        if (Variables.Any(v => v.Name == name))
        {
            throw new ArgumentException($"A variable named '{name}' already exists.", nameof(name));
        }

        var variable = new JsonObject
        {
            ["id"] = WorkflowIds.NewUnique(Json),
            ["name"] = name,
            ["typeName"] = typeName,
            ["isArray"] = isArray,
            ["value"] = value?.DeepClone(),
        };
        if (storageDriverTypeName is not null)
        {
            variable["storageDriverTypeName"] = storageDriverTypeName;
        }

        if (JsonFields.GetArray(Json, "variables", Source) is not { } variables)
        {
            variables = [];
            JsonFields.Set(Json, "variables", variables, Order);
        }

        variables.Add(variable);
        return VariableDefinition.Read(variable, variable.GetPath(), Source);
    }

    /// <summary>Removes the variable with <paramref name="id"/> from the definition or the flowchart; false when there is none.</summary>
    /// <remarks>Outputs bound to it are left as they are, for validation to report.</remarks>
    public bool RemoveVariable(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var owner in (ReadOnlySpan<JsonObject>)[Json, Root.Json])
        {
            var variables = JsonFields.GetArray(owner, "variables", Source);
            for (var i = 0; i < (variables?.Count ?? 0); i++)
            {
                if (variables![i] is JsonObject variable && JsonFields.GetString(variable, "id", Source) == id)
                {
                    variables.RemoveAt(i);
                    return true;
                }
            }
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => Source ?? $"{DefinitionId} v{Version}";

    /// <summary>Reads the <c>variables</c> array of <paramref name="owner"/>.</summary>
    internal static List<VariableDefinition> ReadVariables(JsonObject owner, string? source)
    {
        var array = JsonFields.GetArray(owner, "variables", source);
        var variables = new List<VariableDefinition>(array?.Count ?? 0);
        for (var i = 0; i < (array?.Count ?? 0); i++)
        {
            variables.Add(VariableDefinition.Read(array![i], JsonPaths.Index(array.GetPath(), i), source));
        }

        return variables;
    }

    /// <summary>
    /// The object at <paramref name="key"/>; when missing, a new empty one is added (and left out of
    /// <see cref="ToJson"/> while it stays empty), so reading an accessor never changes the file.
    /// </summary>
    internal JsonObject GetOrAddObject(JsonObject parent, string key, ReadOnlySpan<string> order)
    {
        if (JsonFields.GetObject(parent, key, Source) is { } existing)
        {
            return existing;
        }

        var added = new JsonObject();
        JsonFields.Set(parent, key, added, order);
        _addedOnRead.Add((parent, key, added));
        return added;
    }

    // The definition's own keys, in file order, before the root is needed.
    private static void ValidateTopLevel(JsonObject json, string? source)
    {
        foreach (var key in (ReadOnlySpan<string>)["id", "definitionId"])
        {
            _ = JsonFields.GetRequiredString(json, key, source);
        }

        foreach (var key in (ReadOnlySpan<string>)["$schema", "tenantId", "name", "description", "createdAt", "toolVersion"])
        {
            _ = JsonFields.GetString(json, key, source);
        }

        _ = JsonFields.GetInt32(json, "version", source);
        foreach (var key in (ReadOnlySpan<string>)["variables", "inputs", "outputs", "outcomes"])
        {
            _ = JsonFields.GetArray(json, key, source);
        }

        foreach (var key in (ReadOnlySpan<string>)["customProperties", "options"])
        {
            _ = JsonFields.GetObject(json, key, source);
        }

        foreach (var key in (ReadOnlySpan<string>)["isReadonly", "isSystem", "isLatest", "isPublished"])
        {
            _ = JsonFields.GetBoolean(json, key, source);
        }

        _ = JsonFields.GetObject(json, "root", source) ?? throw JsonFields.Missing(json, "root", source);
    }

    // The root flowchart, then the variables of both levels, whose ids must be unique together.
    private void Validate()
    {
        Root.Validate();
        var firstById = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in Variables)
        {
            if (!firstById.TryAdd(variable.Id, variable.JsonPath))
            {
                throw new WorkflowDefinitionFormatException(
                    Source, JsonPaths.Property(variable.JsonPath, "id"), $"duplicate variable id '{variable.Id}' (also at {firstById[variable.Id]})");
            }
        }
    }
}
