using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Definitions;

/// <summary>
/// An activity output bound to a variable: <c>{"typeName": "Object", "memoryReference": {"id": "&lt;variable id&gt;"}}</c>.
/// An unbound output is JSON <c>null</c> in the file and <see langword="null"/> here.
/// </summary>
/// <remarks>
/// Elsa 3.8 may add a <c>converter</c> to a binding. It is not modelled here, and changing a binding through
/// <see cref="ActivityNode.SetOutput"/> keeps it as it is.
/// </remarks>
/// <param name="TypeName">Elsa's type alias of the output; null when the file gives none (written as <c>Object</c>).</param>
/// <param name="VariableId">The id of the variable the output is written to.</param>
public sealed record OutputBinding(string? TypeName, string VariableId)
{
    private static readonly string[] Order = ["typeName", "memoryReference", "converter"];

    /// <summary>Reads an activity property; null when it is missing, JSON null, or names no variable.</summary>
    internal static OutputBinding? Read(JsonNode? node, string path, string? source)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                // As Elsa's reader: "memoryReference": null, or one without an id, leaves the output unbound.
                var typeName = JsonFields.GetString(obj, "typeName", source);
                var reference = JsonFields.GetObject(obj, "memoryReference", source);
                var id = reference is null ? null : JsonFields.GetString(reference, "id", source);
                return id is null ? null : new(typeName, id);
            default:
                throw JsonFields.WrongType(path, "an output binding object or null", node, source);
        }
    }

    /// <summary>The JSON of this binding, for a property that has none yet.</summary>
    internal JsonObject ToJsonObject() => new()
    {
        ["typeName"] = TypeName ?? "Object",
        ["memoryReference"] = new JsonObject { ["id"] = VariableId },
    };

    /// <summary>Writes this binding into an existing binding object, keeping <c>converter</c> and unknown keys.</summary>
    internal void WriteInto(JsonObject binding)
    {
        if (TypeName is not null)
        {
            JsonFields.SetString(binding, "typeName", TypeName, Order);
        }

        if (JsonFields.Get(binding, "memoryReference") is JsonObject reference)
        {
            JsonFields.SetString(reference, "id", VariableId, ["id"]);
        }
        else
        {
            JsonFields.Set(binding, "memoryReference", new JsonObject { ["id"] = VariableId }, Order);
        }
    }
}
