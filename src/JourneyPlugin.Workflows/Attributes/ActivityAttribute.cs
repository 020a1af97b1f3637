namespace JourneyPlugin.Workflows.Attributes;

/// <summary>
/// Describes an activity type as Elsa 3 does: its type name is <c>{Namespace}.{Type}</c>
/// (e.g. <c>Journeys.SendInfobipWhatsApp</c>), shown in the toolbox under <see cref="Category"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute : Attribute
{
    /// <summary>Namespace, category and description.</summary>
    public ActivityAttribute(string @namespace, string category, string? description = null)
    {
        Namespace = @namespace;
        Category = category;
        Description = description;
    }

    /// <summary>Namespace, type name, version, description and category.</summary>
    public ActivityAttribute(string @namespace, string type, int version, string? description, string? category)
    {
        Namespace = @namespace;
        Type = type;
        Version = version;
        Description = description;
        Category = category;
    }

    /// <summary>The first part of the type name, e.g. <c>Elsa</c> or <c>Journeys</c>.</summary>
    public string Namespace { get; }

    /// <summary>The second part of the type name; the class name when not given.</summary>
    public string? Type { get; set; }

    /// <summary>The version of the activity type; files store it next to the type name.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The toolbox group.</summary>
    public string? Category { get; set; }

    /// <summary>What the activity does, shown as a tooltip.</summary>
    public string? Description { get; set; }

    /// <summary>The name shown in the toolbox; the class name in words when not given.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Action, Trigger, Job or Task, as in Elsa.</summary>
    public ActivityKind Kind { get; set; } = ActivityKind.Action;
}
