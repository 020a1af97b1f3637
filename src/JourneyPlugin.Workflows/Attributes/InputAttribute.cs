namespace JourneyPlugin.Workflows.Attributes;

/// <summary>Describes an input of an activity for the designer, with Elsa's property names.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    /// <summary>The JSON key; the property name in camelCase when not given.</summary>
    public string? Name { get; set; }

    /// <summary>The label in the property panel.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Help text.</summary>
    public string? Description { get; set; }

    /// <summary>Groups inputs in the property panel, e.g. <c>Advanced</c>.</summary>
    public string? Category { get; set; }

    /// <summary>The editor: one of <see cref="UIHints"/>.</summary>
    public string? UIHint { get; set; }

    /// <summary>Fixed choices for a dropdown.</summary>
    public string[]? Options { get; set; }

    /// <summary>The value when the file gives none.</summary>
    public object? DefaultValue { get; set; }

    /// <summary>The expression syntax the editor starts with (<c>Literal</c>, <c>Scriban</c>, <c>Liquid</c>).</summary>
    public string? DefaultSyntax { get; set; }

    /// <summary>Order within its category.</summary>
    public int Order { get; set; }

    /// <summary>Whether the designer shows it.</summary>
    public bool IsBrowsable { get; set; } = true;

    /// <summary>Whether the interpreter evaluates it before the activity runs.</summary>
    public bool AutoEvaluate { get; set; } = true;

    /// <summary>A secret: masked by the designer, never logged.</summary>
    public bool IsSensitive { get; set; }
}
