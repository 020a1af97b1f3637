namespace JourneyPlugin.Server.Webhooks;

/// <summary>What a webhook POST carried and how much of it changed something (the rest were duplicates or stale).</summary>
/// <param name="Received">The results in the body.</param>
/// <param name="Applied">The results that changed state (orphan reports are kept, so they count).</param>
/// <param name="Pending">True when the body is kept but not applied yet: it will be, by the inbox drainer.</param>
internal sealed record WebhookReceipt(int Received, int Applied, bool Pending = false);
