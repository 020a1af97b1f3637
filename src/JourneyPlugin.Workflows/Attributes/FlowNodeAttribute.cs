namespace JourneyPlugin.Workflows.Attributes;

/// <summary>The outcomes of an activity, each an outgoing port. Without it an activity has one outcome, <c>Done</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FlowNodeAttribute(params string[] outcomes) : Attribute
{
    /// <summary>The outcome names.</summary>
    public IReadOnlyList<string> Outcomes { get; } = outcomes;
}
