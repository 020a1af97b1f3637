using JourneyPlugin.Infobip.Webhooks;
using JourneyPlugin.Runtime.Hosting;
using JourneyPlugin.Runtime.Storage;

namespace JourneyPlugin.Server.Webhooks;

/// <summary>
/// Applies the webhook bodies left in the inbox: those whose application failed (the runtime was
/// unavailable) or was cut short by a crash or shutdown. Bodies received by this process are taken
/// once older than <see cref="Grace"/>, so a request still applying its own body is not raced (a race
/// would be harmless); those left by an earlier process are taken at once, since the evidence they
/// hold is what the send settlement waits for.
/// </summary>
internal sealed partial class WebhookInboxDrainer(IWebhookInbox inbox, WebhookIngest ingest, TimeProvider clock, ILogger<WebhookInboxDrainer> logger)
    : PeriodicBackgroundService(clock, logger)
{
    private const int BatchSize = 100;
    private readonly DateTimeOffset _startedAt = clock.GetUtcNow();

    /// <summary>How old a body must be before the drainer takes it.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);

    protected override TimeSpan Interval => TimeSpan.FromSeconds(10);

    /// <summary>One pass; public so tests can run one without waiting for the timer.</summary>
    public Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var graceEnd = Clock.GetUtcNow() - Grace;
        return DrainOlderThanAsync(graceEnd > _startedAt ? graceEnd : _startedAt, cancellationToken);
    }

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => DrainAsync(cancellationToken);

    private async Task<int> DrainOlderThanAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        var applied = 0;
        IReadOnlyList<WebhookInboxEntry> page;
        long last = 0;
        do
        {
            page = await inbox.ListPendingAsync(receivedBefore, BatchSize, last, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page)
            {
                last = entry.Id;
                applied += await ApplyAsync(entry, cancellationToken).ConfigureAwait(false) ? 1 : 0;
            }
        }
        while (page.Count == BatchSize);

        return applied;
    }

    /// <summary>Applies one kept body; whether it was applied.</summary>
    private async Task<bool> ApplyAsync(WebhookInboxEntry entry, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<WebhookKind>(entry.Kind, out var kind))
        {
            await SetAsideAsync(entry, $"'{entry.Kind}' is not a kind of webhook this build knows", cancellationToken).ConfigureAwait(false);
            return false;
        }

        WebhookBatch batch;
        try
        {
            batch = ingest.Parse(kind, entry.Body.ToArray());
        }
        catch (InfobipWebhookFormatException e)
        {
            await SetAsideAsync(entry, e.Message, cancellationToken).ConfigureAwait(false);
            return false;
        }

        try
        {
            await ingest.ApplyAsync(entry.Id, batch, cancellationToken).ConfigureAwait(false);
            Log.Applied(logger, kind, entry.Id, entry.Attempts);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.StillFailing(logger, kind, entry.Id, entry.Attempts + 1, e.GetType().Name);
            return false;
        }
    }

    /// <summary>
    /// Bodies are parsed before they are kept, so only a change of build makes one unreadable, and trying
    /// again would not help: it is kept for a person to look at, out of the way of the others.
    /// </summary>
    private async Task SetAsideAsync(WebhookInboxEntry entry, string reason, CancellationToken cancellationToken)
    {
        await inbox.SetAsideAsync(entry.Id, reason, cancellationToken).ConfigureAwait(false);
        Log.SetAside(logger, entry.Kind, entry.Id);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Applied the kept {Kind} webhook {InboxId} after {Attempts} failed attempts")]
        public static partial void Applied(ILogger logger, WebhookKind kind, long inboxId, int attempts);

        // The exception's type only: its message may quote a customer's number. The inbox row has the message.
        [LoggerMessage(2, LogLevel.Warning, "The kept {Kind} webhook {InboxId} failed again (attempt {Attempts}, {ErrorType}); it stays in the inbox")]
        public static partial void StillFailing(ILogger logger, WebhookKind kind, long inboxId, int attempts, string errorType);

        [LoggerMessage(3, LogLevel.Error, "The kept {Kind} webhook {InboxId} can never be applied by this build; it is set aside in the inbox (webhook_inbox.last_error says why)")]
        public static partial void SetAside(ILogger logger, string kind, long inboxId);
    }
}
