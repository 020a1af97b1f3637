using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Runtime.Hosting;

/// <summary>
/// Runs a pass now and then every <see cref="Interval"/> until the host stops. A failed pass is
/// logged and the next one retries: a scanner must outlive a bad moment of its store.
/// </summary>
public abstract partial class PeriodicBackgroundService : BackgroundService
{
    private readonly ILogger _logger;

    protected PeriodicBackgroundService(TimeProvider clock, ILogger logger)
    {
        Clock = clock;
        _logger = logger;
    }

    /// <summary>The clock that paces the passes.</summary>
    protected TimeProvider Clock { get; }

    /// <summary>The time between two passes.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the first pass runs at start (work left from before a restart) or after one interval.</summary>
    protected virtual bool RunAtStart => true;

    /// <summary>One pass.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        if (!RunAtStart && !await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }

        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // See the class remarks: the next pass retries.
            catch (Exception e)
#pragma warning restore CA1031
            {
                Log.PassFailed(_logger, GetType().Name, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "{Service} failed; the next pass retries")]
        public static partial void PassFailed(ILogger logger, string service, Exception exception);
    }
}
