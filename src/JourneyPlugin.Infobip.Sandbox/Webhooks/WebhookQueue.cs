namespace JourneyPlugin.Infobip.Sandbox.Webhooks;

/// <summary>The results waiting for one URL, of one kind.</summary>
internal sealed class WebhookQueue(Uri url, WebhookKind kind)
{
    private readonly List<WebhookItem> _items = [];

    public Uri Url { get; } = url;

    public WebhookKind Kind { get; } = kind;

    public Lock Sync { get; } = new();

    /// <summary>Whether a flush after the batch window is already on its way. Guarded by <see cref="Sync"/>.</summary>
    public bool FlushScheduled { get; set; }

    /// <summary>Guarded by <see cref="Sync"/>.</summary>
    public int Count => _items.Count;

    /// <summary>Guarded by <see cref="Sync"/>.</summary>
    public void Add(WebhookItem item) => _items.Add(item);

    /// <summary>Removes up to <paramref name="size"/> results, oldest first. Guarded by <see cref="Sync"/>.</summary>
    public List<WebhookItem> Take(int size)
    {
        var batch = _items.GetRange(0, Math.Min(size, _items.Count));
        _items.RemoveRange(0, batch.Count);
        return batch;
    }
}
