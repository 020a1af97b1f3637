using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Attributes;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.Workflows.Tests.Fixtures;

/// <summary>A test activity in the shape of "Wait for User Reply": a bookmark resumed from outside, and a timeout.</summary>
[Activity("Tests", "Tests", "Waits for a signal.")]
[FlowNode("Signalled", "Timeout")]
[MaySuspend]
public sealed class WaitForSignal : Activity
{
    public Input<string> Signal { get; set; } = new("go");

    public Input<TimeSpan?> Timeout { get; set; } = new((TimeSpan?)null);

    public Output<string?>? Payload { get; set; }

    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        context.CreateBookmark(new CreateBookmarkArgs
        {
            Stimulus = new SignalStimulus(context.Get(Signal)!),
            IncludeActivityInstanceId = false,
            Callback = OnSignalAsync,
        });
        if (context.Get(Timeout) is { } timeout)
        {
            context.DelayFor(timeout, OnTimeoutAsync);
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask OnSignalAsync(ActivityExecutionContext context)
    {
        context.Set(Payload, context.GetWorkflowInput<string>("payload"));
        return context.CompleteActivityWithOutcomesAsync("Signalled");
    }

    private ValueTask OnTimeoutAsync(ActivityExecutionContext context) => context.CompleteActivityWithOutcomesAsync("Timeout");
}

public sealed record SignalStimulus(string Signal);
