namespace JourneyPlugin.Runtime.Grains;

/// <summary>
/// A customer's conversation with a business number (key <c>{sender}/{customer}</c>): takes inbound
/// messages in order, deduplicates them, keeps the 24 hour window and opt-out, and resumes the
/// journeys waiting for a reply.
/// </summary>
[Alias("JourneyPlugin.IConversationGrain")]
public interface IConversationGrain : IGrainWithStringKey
{
    /// <summary>Handles one inbound message; returns false for a duplicate, which changes nothing.</summary>
    [Alias("OnInbound")]
    Task<bool> OnInboundAsync(InboundReply reply);
}
