using JourneyPlugin.Infobip.Sandbox.DryRun;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;

namespace JourneyPlugin.Server.Cli.DryRun;

/// <summary>
/// Plays a <see cref="RepliesScript"/> against a journey on a <see cref="SandboxJourneyHost"/>: enrols every
/// customer at the start, then moves the simulated clock from event to event (the next scripted reply or
/// the next timer of a waiting journey) until nothing is left to happen or <c>until</c> is reached.
/// </summary>
internal static class DryRunSimulation
{
    // A journey that keeps scheduling timers (a reminder loop) is stopped after this many clock moves anyway.
    private const int MaxClockMoves = 100_000;

    public static async Task RunAsync(SandboxJourneyHost host, Workflow workflow, RepliesScript script, PathRecorder recorder, TimeSpan until, CancellationToken cancellationToken)
    {
        var start = host.Clock.GetUtcNow();
        var deadline = start + until;
        var pending = new List<(ScriptedCustomer Customer, int Next, DateTimeOffset Due)>();
        foreach (var customer in script.Customers)
        {
            await host.StartAsync(workflow, customer.Digits, customer.Attributes, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (customer.Replies.Count > 0)
            {
                pending.Add((customer, 0, start + customer.Replies[0].After));
            }
        }

        for (var moves = 0; moves < MaxClockMoves; moves++)
        {
            var nextReply = pending.Count == 0 ? (DateTimeOffset?)null : pending.Min(p => p.Due);
            var nextTimer = host.NextDueAt();
            var next = (nextReply, nextTimer) switch
            {
                (null, null) => (DateTimeOffset?)null,
                (null, { } timer) => timer,
                ({ } reply, null) => reply,
                ({ } reply, { } timer) => reply < timer ? reply : timer,
            };
            if (next is null || next > deadline)
            {
                break;
            }

            await host.AdvanceToAsync(next.Value, cancellationToken).ConfigureAwait(false);
            foreach (var due in pending.Where(p => p.Due <= next).OrderBy(p => p.Due).ToList())
            {
                var reply = due.Customer.Replies[due.Next];
                recorder.AddReply(SandboxJourneyHost.InstanceIdOf(workflow.DefinitionId, due.Customer.Digits), host.Clock.GetUtcNow(), reply.Text);
                await host.ReplyAsync(due.Customer.Digits, reply.Text, cancellationToken).ConfigureAwait(false);
                pending.Remove(due);
                if (due.Next + 1 < due.Customer.Replies.Count)
                {
                    pending.Add((due.Customer, due.Next + 1, due.Due + due.Customer.Replies[due.Next + 1].After));
                }
            }

            if (pending.Count == 0 && host.Instances.All(i => i.Status is not (WorkflowStatus.Running or WorkflowStatus.Suspended)))
            {
                break;
            }
        }
    }
}
