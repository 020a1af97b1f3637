namespace JourneyPlugin.Workflows.Attributes;

/// <summary>Describes an output of an activity; bind it to a variable to keep it after a wait.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute : Attribute
{
    /// <summary>The JSON key; the property name in camelCase when not given.</summary>
    public string? Name { get; set; }

    /// <summary>The label in the property panel.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Help text.</summary>
    public string? Description { get; set; }

    /// <summary>Whether the designer shows it.</summary>
    public bool IsBrowsable { get; set; } = true;
}
