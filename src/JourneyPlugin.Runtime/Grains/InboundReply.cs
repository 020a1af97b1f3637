namespace JourneyPlugin.Runtime.Grains;

/// <summary>A customer's message as the conversation grain receives it.</summary>
[GenerateSerializer]
[Alias("JourneyPlugin.InboundReply")]
public sealed record InboundReply
{
    /// <summary>The business number.</summary>
    [Id(0)]
    public required string Sender { get; init; }

    /// <summary>The customer's number.</summary>
    [Id(1)]
    public required string Customer { get; init; }

    /// <summary>The vendor's message id (deduplication key).</summary>
    [Id(2)]
    public required string MessageId { get; init; }

    /// <summary>When the customer sent it.</summary>
    [Id(3)]
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The message as <c>Wait for User Reply</c> reads it (a serialised <c>WhatsAppInboundMessage</c>).</summary>
    [Id(4)]
    public required string MessageJson { get; init; }

    /// <summary>The text, for opt-out keywords.</summary>
    [Id(5)]
    public string? Text { get; init; }
}
