using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Hosting;
using JourneyPlugin.Runtime.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Timeouts;

/// <summary>
/// Fires due timers: polls the instances whose next timer is due (an indexed column of the instance
/// table) and asks their grains to fire them. One scanner instead of one Orleans reminder per
/// journey, so a million pending timeouts cost rows, not reminders; timers due while the process was
/// down fire at the first scan after it starts. The grain re-checks what is due, so a duplicate
/// scan fires nothing twice. Instances a campaign batch of this process is starting are skipped: they
/// are due only so that they are resumed if the process dies.
/// </summary>
internal sealed partial class TimeoutScanner(
    IJourneyInstanceStore store,
    IGrainFactory grains,
    InstancesInBatch inBatch,
    IOptions<JourneyRuntimeOptions> options,
    TimeProvider clock,
    ILogger<TimeoutScanner> logger) : PeriodicBackgroundService(clock, logger)
{
    protected override TimeSpan Interval => options.Value.TimeoutScanInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => ScanAsync(cancellationToken);

    /// <summary>Fires everything due now; returns how many instances were asked.</summary>
    internal async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        var batchSize = options.Value.TimeoutScanBatchSize;
        DueInstance? last = null;
        while (true)
        {
            // Pages by the due index's order, after the last instance asked: one that cannot fire (its
            // journey was removed) stays due, and a page of them must not hide the timers after them.
            var due = await store.FindDueAsync(Clock.GetUtcNow(), batchSize, last, cancellationToken).ConfigureAwait(false);
            var fire = due.Where(d => !inBatch.Contains(d.InstanceId)).ToList();
            await Parallel.ForEachAsync(
                fire,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.TimeoutFiringParallelism, CancellationToken = cancellationToken },
                (instance, _) => FireAsync(instance.InstanceId)).ConfigureAwait(false);
            total += fire.Count;
            if (due.Count < batchSize)
            {
                break;
            }

            last = due[^1];
        }

        if (total > 0)
        {
            Log.Fired(logger, total);
        }

        return total;
    }

    /// <summary>Asks one instance to fire; a failure is logged and left for the next scan, not the end of this one.</summary>
    private async ValueTask FireAsync(string instanceId)
    {
        try
        {
            await grains.GetGrain<IJourneyInstanceGrain>(instanceId).FireDueAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One instance's failure (unreadable state, a store error) must not stop the others' timers.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.FireFailed(logger, JourneyStartRequest.Redact(instanceId), e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Fired the due timers of {Count} journey instances")]
        public static partial void Fired(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Warning, "The due timer of journey instance {InstanceId} failed to fire; the next scan tries again")]
        public static partial void FireFailed(ILogger logger, string instanceId, Exception exception);
    }
}
