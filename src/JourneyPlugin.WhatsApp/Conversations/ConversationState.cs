namespace JourneyPlugin.WhatsApp.Conversations;

/// <summary>What is known of a customer's conversation with a business number.</summary>
/// <param name="LastInboundAt">When the customer last wrote (opens the 24 hour window).</param>
/// <param name="OptedOut">Whether the customer opted out of all journeys.</param>
public sealed record ConversationState(DateTimeOffset? LastInboundAt, bool OptedOut)
{
    /// <summary>WhatsApp's customer service window.</summary>
    public static readonly TimeSpan ServiceWindow = TimeSpan.FromHours(24);

    /// <summary>A conversation that never happened.</summary>
    public static ConversationState None { get; } = new(null, false);

    /// <summary>Whether free-form messages may be sent at <paramref name="now"/>.</summary>
    public bool IsWindowOpen(DateTimeOffset now) => LastInboundAt is { } last && now - last < ServiceWindow;
}
