using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Attributes;
using JourneyPlugin.Workflows.Execution;

namespace JourneyPlugin.Workflows.Activities;

/// <summary>Ends the journey: nothing else runs or waits.</summary>
[Activity("Elsa", "Flow", "Marks the end of the journey; anything still waiting is cancelled.")]
#pragma warning disable CA1716 // Elsa's type name, kept so files and adapters map one to one.
public sealed class End : CodeActivity, ITerminalNode, IIdempotentActivity
#pragma warning restore CA1716
{
    /// <inheritdoc />
    protected override void Execute(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.WorkflowExecutionContext.Finish();
    }
}
