namespace JourneyPlugin.WhatsApp.Conversations;

/// <summary>Reads the 24 hour window and opt-out of a conversation; the runtime implements it durably.</summary>
public interface IConversationStateReader
{
    /// <summary>The state of the conversation of <paramref name="customer"/> with <paramref name="sender"/>.</summary>
    ValueTask<ConversationState> GetAsync(string sender, string customer, CancellationToken cancellationToken = default);
}
