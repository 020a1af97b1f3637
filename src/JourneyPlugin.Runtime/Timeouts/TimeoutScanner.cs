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
/// scan fires nothing twice.
/// </summary>
internal sealed partial class TimeoutScanner(
    IJourneyInstanceStore store,
    IGrainFactory grains,
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
        var asked = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            // An instance that cannot fire (its journey was removed) stays due; never ask it twice in one scan.
            var due = (await store.FindDueAsync(Clock.GetUtcNow(), batchSize, cancellationToken).ConfigureAwait(false))
                .Where(d => asked.Add(d.InstanceId))
                .ToList();
            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.TimeoutFiringParallelism, CancellationToken = cancellationToken },
                async (instance, _) => await grains.GetGrain<IJourneyInstanceGrain>(instance.InstanceId).FireDueAsync().ConfigureAwait(false)).ConfigureAwait(false);
            total += due.Count;
            if (due.Count == 0)
            {
                break;
            }
        }

        if (total > 0)
        {
            Log.Fired(logger, total);
        }

        return total;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Fired the due timers of {Count} journey instances")]
        public static partial void Fired(ILogger logger, int count);

    }
}
