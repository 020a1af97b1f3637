using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Attributes;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.Workflows.Activities;

/// <summary>Goes on along <c>True</c> or <c>False</c> depending on a condition.</summary>
[Activity("Elsa", "Branching", "Evaluate a Boolean condition to determine which path to execute next.")]
[FlowNode("True", "False")]
public sealed class FlowDecision : Activity, IIdempotentActivity
{
    /// <summary>The condition, e.g. the Scriban expression <c>customer.tier == "gold"</c>.</summary>
    [Input(Description = "The condition to evaluate.", UIHint = UIHints.SingleLine, DefaultSyntax = ExpressionTypes.Scriban)]
    public Input<bool> Condition { get; set; } = new(false);

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CompleteActivityWithOutcomesAsync(context.Get(Condition) ? "True" : "False");
    }
}
