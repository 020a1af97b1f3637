namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>The body of an inbound message webhook; Infobip may batch many messages in one request.</summary>
/// <param name="Results">The messages, in the order received.</param>
public sealed record InfobipInboundMessageBatch(IReadOnlyList<InfobipInboundMessage> Results)
{
    /// <summary>Number of messages in this request, as Infobip counts them; 0 when absent.</summary>
    public int MessageCount { get; init; }

    /// <summary>Number of messages Infobip still holds for later requests; 0 when absent.</summary>
    public int PendingMessageCount { get; init; }
}
