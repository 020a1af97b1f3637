namespace JourneyPlugin.Runtime.Storage;

/// <summary>
/// Vendor webhook bodies kept durably between their acknowledgement and their application: a body is
/// added before the vendor gets its 2xx and removed once applied, so a crash or a failing runtime in
/// between loses nothing (what is left is applied again; applying is idempotent).
/// </summary>
public interface IWebhookInbox
{
    /// <summary>Stores <paramref name="body"/> (synced before it returns) and gives its id.</summary>
    Task<long> AddAsync(string source, string kind, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default);

    /// <summary>Removes an applied body; removing it twice changes nothing.</summary>
    Task CompleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt to apply a body, which stays for the next one.</summary>
    Task RecordFailureAsync(long id, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps a body that can never be applied (it no longer parses, its kind is unknown) out of further
    /// attempts; it stays, with <paramref name="reason"/>, for a person to look at.
    /// </summary>
    Task SetAsideAsync(long id, string reason, CancellationToken cancellationToken = default);

    /// <summary>How many bodies are set aside, waiting for a person.</summary>
    Task<int> CountSetAsideAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Bodies received before <paramref name="receivedBefore"/>, not applied yet and not set aside, oldest
    /// first, after the id <paramref name="afterId"/>: a pass pages through them all, so bodies that keep
    /// failing do not hide the ones behind them.
    /// </summary>
    Task<IReadOnlyList<WebhookInboxEntry>> ListPendingAsync(DateTimeOffset receivedBefore, int limit, long afterId = 0, CancellationToken cancellationToken = default);
}
