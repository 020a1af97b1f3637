using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Attributes;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.Workflows.Activities;

/// <summary>Waits for a duration, durably: the runtime resumes it when it is due, also after a restart.</summary>
[Activity("Elsa", "Scheduling", "Delay execution for the specified amount of time.")]
[MaySuspend]
public sealed class Delay : Activity
{
    /// <summary>How long to wait (<c>PT2H</c>, <c>P1D</c> or <c>1.00:00:00</c>).</summary>
    [Input(Description = "The amount of time to delay execution.", UIHint = UIHints.Duration)]
    public Input<TimeSpan> TimeSpan { get; set; } = new(System.TimeSpan.FromMinutes(1));

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var delay = context.Get(TimeSpan);
        if (delay <= System.TimeSpan.Zero)
        {
            return context.CompleteActivityAsync();
        }

        context.DelayFor(delay);
        return ValueTask.CompletedTask;
    }
}
