using JourneyPlugin.Runtime.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>
/// After a start, wakes the grains of runs that were enrolling or cancelling when the process stopped:
/// a run grain resumes from its cursor when it activates, but nothing else would activate it.
/// </summary>
internal sealed partial class CampaignRunReactivator(IRunStore runs, IJourneyInstanceStore instances, IGrainFactory grains, ILogger<CampaignRunReactivator> logger) : BackgroundService
{
    private const int PageSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            Log.Reactivated(logger, await ReactivateAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A run left asleep is woken by its next API call; the host must start anyway.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.Failed(logger, e);
        }
    }

    /// <summary>Activates every run grain with work left; returns how many.</summary>
    internal async Task<int> ReactivateAsync(CancellationToken cancellationToken)
    {
        var woken = 0;
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await runs.ListAsync(skip, PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var run in page.Where(r => r.Status is RunStatus.Running or RunStatus.Cancelled))
            {
                // A cancelled run is woken only while instances are left to cancel: old runs stay asleep.
                if (run.Status == RunStatus.Cancelled && !await instances.HasActiveAsync(run.RunId, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                // Activation is what resumes it.
                await grains.GetGrain<ICampaignRunGrain>(run.RunId).GetAsync().ConfigureAwait(false);
                woken++;
            }

            if (page.Count < PageSize)
            {
                return woken;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Woke {Count} campaign runs with work left from before the start")]
        public static partial void Reactivated(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Error, "Could not wake the campaign runs left from before the start; each resumes at its next API call")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
