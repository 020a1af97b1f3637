using System.Collections.Concurrent;

namespace JourneyPlugin.WhatsApp.Conversations;

/// <summary>Conversation state in memory, for dry runs and tests; the runtime keeps it durably.</summary>
public sealed class InMemoryConversationStore : IConversationStateReader
{
    private readonly ConcurrentDictionary<(string Sender, string Customer), ConversationState> _states = new();

    /// <inheritdoc />
    public ValueTask<ConversationState> GetAsync(string sender, string customer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_states.GetValueOrDefault((sender, customer), ConversationState.None));

    /// <summary>Records that the customer wrote at <paramref name="at"/>.</summary>
    public void RecordInbound(string sender, string customer, DateTimeOffset at) =>
        _states.AddOrUpdate((sender, customer), _ => new(at, false), (_, s) => s with { LastInboundAt = s.LastInboundAt > at ? s.LastInboundAt : at });

    /// <summary>Opts the customer out, or back in.</summary>
    public void SetOptedOut(string sender, string customer, bool optedOut) =>
        _states.AddOrUpdate((sender, customer), _ => new(null, optedOut), (_, s) => s with { OptedOut = optedOut });
}
