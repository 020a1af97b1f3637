using System.Reflection;
using System.Text.Json.Serialization;

namespace JourneyPlugin.Workflows.Descriptors;

/// <summary>An input of an activity type, in Elsa's descriptor shape.</summary>
public sealed record InputDescriptor
{
    /// <summary>The JSON key (camelCase property name).</summary>
    public required string Name { get; init; }

    /// <summary>Elsa's type alias (<c>String</c>, <c>Boolean</c>, <c>TimeSpan</c>, …).</summary>
    public required string TypeName { get; init; }

    /// <summary>The label.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Help text.</summary>
    public string? Description { get; init; }

    /// <summary>Property panel group.</summary>
    public string? Category { get; init; }

    /// <summary>The editor.</summary>
    public required string UIHint { get; init; }

    /// <summary>Whether the value is an <c>Input&lt;T&gt;</c> (an expression) rather than a plain value.</summary>
    public bool IsWrapped { get; init; }

    /// <summary>Whether a journey must give a value.</summary>
    public bool IsRequired { get; init; }

    /// <summary>The value when none is given.</summary>
    public object? DefaultValue { get; init; }

    /// <summary>The syntax the editor starts with.</summary>
    public string? DefaultSyntax { get; init; }

    /// <summary>Fixed choices.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>Order within the category.</summary>
    public int Order { get; init; }

    /// <summary>Whether the designer shows it.</summary>
    public bool IsBrowsable { get; init; } = true;

    /// <summary>Whether the interpreter evaluates it before the activity runs.</summary>
    public bool AutoEvaluate { get; init; } = true;

    /// <summary>A secret.</summary>
    public bool IsSensitive { get; init; }

    /// <summary>The CLR property.</summary>
    [JsonIgnore]
    public PropertyInfo Property { get; init; } = null!;

    /// <summary>The CLR type of the value (<c>T</c> of <c>Input&lt;T&gt;</c>).</summary>
    [JsonIgnore]
    public Type ValueType { get; init; } = null!;
}
