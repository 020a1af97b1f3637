using System.Reflection;
using System.Text.Json.Serialization;

namespace JourneyPlugin.Workflows.Descriptors;

/// <summary>An output of an activity type, in Elsa's descriptor shape.</summary>
public sealed record OutputDescriptor
{
    /// <summary>The JSON key (camelCase property name).</summary>
    public required string Name { get; init; }

    /// <summary>Elsa's type alias.</summary>
    public required string TypeName { get; init; }

    /// <summary>The label.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Help text.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the designer shows it.</summary>
    public bool IsBrowsable { get; init; } = true;

    /// <summary>The CLR property.</summary>
    [JsonIgnore]
    public PropertyInfo Property { get; init; } = null!;

    /// <summary>The CLR type of the value.</summary>
    [JsonIgnore]
    public Type ValueType { get; init; } = null!;
}
