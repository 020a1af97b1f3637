using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Definitions;

/// <summary>
/// A workflow variable: <c>{"id": "…", "name": "ReplyText", "typeName": "String", "isArray": false, "value": null,
/// "storageDriverTypeName": "…"}</c>, declared on the definition or on its root flowchart.
/// </summary>
/// <remarks>A snapshot of the file as of reading. Two variables are equal when their fields are and their values deeply equal.</remarks>
/// <param name="Id">The id output bindings refer to.</param>
/// <param name="Name">The name expressions use (<c>variables.ReplyText</c>).</param>
/// <param name="TypeName">Elsa's type alias, e.g. <c>String</c>.</param>
/// <param name="IsArray">Whether the variable holds an array of <paramref name="TypeName"/>.</param>
/// <param name="Value">The initial value; null when none.</param>
/// <param name="StorageDriverTypeName">Where the value is kept, e.g. <see cref="WorkflowInstanceStorageDriver"/>; null when not given.</param>
/// <param name="JsonPath">Where it is in the file, e.g. <c>$.variables[0]</c>.</param>
public sealed record VariableDefinition(
    string Id,
    string Name,
    string TypeName,
    bool IsArray,
    JsonNode? Value,
    string? StorageDriverTypeName,
    string JsonPath)
{
    /// <summary>Elsa's storage driver that keeps values in the workflow instance, across suspensions.</summary>
    public const string WorkflowInstanceStorageDriver = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core";

    /// <inheritdoc />
    public bool Equals(VariableDefinition? other) =>
        other is not null
        && Id == other.Id && Name == other.Name && TypeName == other.TypeName && IsArray == other.IsArray
        && StorageDriverTypeName == other.StorageDriverTypeName && JsonPath == other.JsonPath
        && JsonNode.DeepEquals(Value, other.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, TypeName, IsArray, StorageDriverTypeName, JsonPath);

    /// <summary>Reads one item of a <c>variables</c> array.</summary>
    internal static VariableDefinition Read(JsonNode? node, string path, string? source)
    {
        if (node is not JsonObject obj)
        {
            throw JsonFields.WrongType(path, "a variable object", node, source);
        }

        return new(
            JsonFields.GetRequiredString(obj, "id", source),
            JsonFields.GetRequiredString(obj, "name", source),
            JsonFields.GetRequiredString(obj, "typeName", source),
            JsonFields.GetBoolean(obj, "isArray", source) ?? false,
            JsonFields.Get(obj, "value")?.DeepClone(),
            JsonFields.GetString(obj, "storageDriverTypeName", source),
            path);
    }
}
