using System.Text.Json.Serialization;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Attributes;

namespace JourneyPlugin.Workflows.Descriptors;

/// <summary>An activity type as the designer sees it, in the shape of Elsa's <c>ActivityDescriptor</c>.</summary>
public sealed record ActivityDescriptor
{
    /// <summary><c>{Namespace}.{Name}</c>.</summary>
    public required string TypeName { get; init; }

    /// <summary>The first part of the type name.</summary>
    public required string Namespace { get; init; }

    /// <summary>The second part of the type name.</summary>
    public required string Name { get; init; }

    /// <summary>The type version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The toolbox group.</summary>
    public required string Category { get; init; }

    /// <summary>The toolbox label.</summary>
    public required string DisplayName { get; init; }

    /// <summary>What it does.</summary>
    public string? Description { get; init; }

    /// <summary>Action, Trigger, Job or Task.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<ActivityKind>))]
    public ActivityKind Kind { get; init; }

    /// <summary>The inputs.</summary>
    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];

    /// <summary>The outputs.</summary>
    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];

    /// <summary>The outgoing ports; <c>Done</c> for an activity without <c>[FlowNode]</c>, none for a terminal one.</summary>
    public IReadOnlyList<PortDescriptor> Ports { get; init; } = [];

    /// <summary>Whether it starts a flowchart (has no inbound port).</summary>
    public bool IsStart { get; init; }

    /// <summary>Whether it ends the journey (has no outgoing port).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Whether the toolbox shows it.</summary>
    public bool IsBrowsable { get; init; } = true;

    /// <summary>
    /// Whether the activity may suspend the journey (a wait or a delay). A loop in the flowchart
    /// must pass through one, or it would spin forever.
    /// </summary>
    public bool MaySuspend { get; init; }

    /// <summary>The CLR type.</summary>
    [JsonIgnore]
    public Type ClrType { get; init; } = null!;

    /// <summary>Creates an instance.</summary>
    [JsonIgnore]
    public Func<IActivity> Constructor { get; init; } = null!;
}
