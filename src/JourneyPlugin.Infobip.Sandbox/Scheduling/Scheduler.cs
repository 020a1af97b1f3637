using JourneyPlugin.Infobip.Sandbox.Logging;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Infobip.Sandbox.Scheduling;

/// <summary>Runs work after a delay measured by the sandbox's <see cref="TimeProvider"/>, counted as pending until done.</summary>
internal sealed class Scheduler(TimeProvider time, PendingWork pending, ILogger logger, CancellationToken stopping)
{
    public void Schedule(TimeSpan delay, Func<CancellationToken, Task> work)
    {
        pending.Add();
        _ = RunAsync(delay, work);
    }

    private async Task RunAsync(TimeSpan delay, Func<CancellationToken, Task> work)
    {
        try
        {
            // Always yield first so that work never runs inside the HTTP callback that scheduled it.
            await Task.Delay(delay, time, stopping).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            await work(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The sandbox is shutting down; unsent events are dropped.
        }
#pragma warning disable CA1031 // A failed event must not take the sandbox down; it is logged instead.
        catch (Exception e)
#pragma warning restore CA1031
        {
            SandboxLog.ScheduledWorkFailed(logger, e);
        }
        finally
        {
            pending.Done();
        }
    }
}
