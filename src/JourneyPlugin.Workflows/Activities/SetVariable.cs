using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Attributes;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.Workflows.Activities;

/// <summary>Sets a workflow variable.</summary>
[Activity("Elsa", "Primitives", "Assign a value to a workflow variable.")]
public sealed class SetVariable : CodeActivity, IIdempotentActivity
{
    /// <summary>The variable, as Elsa stores it (<c>{"id": …, "name": …}</c>).</summary>
    [Input(Description = "The variable to assign the value to.", UIHint = UIHints.VariablePicker)]
    public VariableReference? Variable { get; set; }

    /// <summary>The value.</summary>
    [Input(Description = "The value to assign.")]
    public Input<object?> Value { get; set; } = new((object?)null);

    /// <inheritdoc />
    protected override void Execute(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var names = context.WorkflowExecutionContext.Workflow.VariableNames;
        var name = Variable?.Name
            ?? (Variable?.Id is { } id ? names.GetValueOrDefault(id) : null)
            ?? throw new InvalidOperationException("no variable is chosen");
        context.SetVariable(name, context.Get(Value));
    }
}
