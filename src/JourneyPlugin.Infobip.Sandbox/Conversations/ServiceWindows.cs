using System.Collections.Concurrent;

namespace JourneyPlugin.Infobip.Sandbox.Conversations;

/// <summary>
/// When each customer last wrote to each sender. A customer's message opens (or renews) a 24 hour
/// window in which the sender may send free-form messages; the sender's own messages do not renew it.
/// </summary>
internal sealed class ServiceWindows(TimeProvider time)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<(string Sender, string Customer), DateTimeOffset> _lastInbound = new();
    private readonly ConcurrentDictionary<string, string> _lastSenderByCustomer = new(StringComparer.Ordinal);

    public void Open(string sender, string customer) => _lastInbound[(sender, customer)] = time.GetUtcNow();

    public bool IsOpen(string sender, string customer) =>
        _lastInbound.TryGetValue((sender, customer), out var last) && time.GetUtcNow() - last < Length;

    /// <summary>Remembers who last wrote to the customer, so that a reply without a sender goes there.</summary>
    public void NoteOutbound(string sender, string customer) => _lastSenderByCustomer[customer] = sender;

    public string? LastSenderTo(string customer) => _lastSenderByCustomer.GetValueOrDefault(customer);
}
