using JourneyPlugin.Infobip.Webhooks;
using JourneyPlugin.Runtime.Hosting;
using JourneyPlugin.Runtime.Storage;

namespace JourneyPlugin.Server.Webhooks;

/// <summary>
/// Applies the webhook bodies left in the inbox: those whose application failed (the runtime was
/// unavailable) or was cut short by a crash or shutdown. Only bodies older than <see cref="Grace"/>
/// are taken, so a request still applying its own body is not raced (a race would be harmless).
/// </summary>
internal sealed partial class WebhookInboxDrainer(IWebhookInbox inbox, WebhookIngest ingest, TimeProvider clock, ILogger<WebhookInboxDrainer> logger)
    : PeriodicBackgroundService(clock, logger)
{
    private const int BatchSize = 100;

    /// <summary>How old a body must be before the drainer takes it.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);

    protected override TimeSpan Interval => TimeSpan.FromSeconds(10);

    /// <summary>One pass; public so tests can run one without waiting for the timer.</summary>
    public Task<int> DrainAsync(CancellationToken cancellationToken) => DrainOlderThanAsync(Clock.GetUtcNow() - Grace, cancellationToken);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => DrainAsync(cancellationToken);

    private async Task<int> DrainOlderThanAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        var applied = 0;
        foreach (var entry in await inbox.ListPendingAsync(receivedBefore, BatchSize, cancellationToken).ConfigureAwait(false))
        {
            if (!Enum.TryParse<WebhookKind>(entry.Kind, out var kind))
            {
                continue;
            }

            WebhookBatch batch;
            try
            {
                batch = ingest.Parse(kind, entry.Body.ToArray());
            }
            catch (InfobipWebhookFormatException e)
            {
                // Parsed before it was kept, so only a parser change can get here: keep the body for a person to look at.
                await inbox.RecordFailureAsync(entry.Id, e.Message, cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await ingest.ApplyAsync(entry.Id, batch, cancellationToken).ConfigureAwait(false);
                applied++;
                Log.Applied(logger, kind, entry.Id, entry.Attempts);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.StillFailing(logger, kind, entry.Id, entry.Attempts + 1, e.GetType().Name);
            }
        }

        return applied;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Applied the kept {Kind} webhook {InboxId} after {Attempts} failed attempts")]
        public static partial void Applied(ILogger logger, WebhookKind kind, long inboxId, int attempts);

        // The exception's type only: its message may quote a customer's number. The inbox row has the message.
        [LoggerMessage(2, LogLevel.Warning, "The kept {Kind} webhook {InboxId} failed again (attempt {Attempts}, {ErrorType}); it stays in the inbox")]
        public static partial void StillFailing(ILogger logger, WebhookKind kind, long inboxId, int attempts, string errorType);
    }
}
