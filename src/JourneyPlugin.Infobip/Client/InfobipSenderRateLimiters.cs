using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace JourneyPlugin.Infobip.Client;

/// <summary>
/// One token bucket per (Base URL, sender), shared by every client of that sender, refilled by a
/// <see cref="TimeProvider"/> timer so that tests control when it refills.
/// </summary>
/// <remarks>
/// <see cref="TokenBucketRateLimiter.TryReplenish"/> also refuses to refill before a real period has
/// passed, so a fake clock can slow the limiter down but never speed it past the configured rate.
/// </remarks>
internal sealed class InfobipSenderRateLimiters(TimeProvider timeProvider) : IDisposable
{
    private readonly ConcurrentDictionary<(string Authority, string Sender), Lazy<Entry>> _limiters = new();

    /// <summary>The limiter of the sender; <see langword="null"/> when <paramref name="messagesPerSecond"/> turns limiting off.</summary>
    /// <remarks>The first client of a sender decides its rate.</remarks>
    public RateLimiter? Get(Uri baseUri, string sender, int? messagesPerSecond, int queueLimit)
    {
        if (messagesPerSecond is not { } rate || rate <= 0)
        {
            return null;
        }

        return _limiters.GetOrAdd((baseUri.Authority, sender), _ => new Lazy<Entry>(() => Create(rate, queueLimit))).Value.Limiter;
    }

    public void Dispose()
    {
        foreach (var entry in _limiters.Values.Where(l => l.IsValueCreated).Select(l => l.Value))
        {
            entry.Timer.Dispose();
            entry.Limiter.Dispose();
        }
    }

    private Entry Create(int messagesPerSecond, int queueLimit)
    {
        // Refill in small steps (about ten a second) so that sends are spread evenly, not in bursts.
        var tokensPerPeriod = Math.Max(1, messagesPerSecond / 10);
        var period = TimeSpan.FromSeconds((double)tokensPerPeriod / messagesPerSecond);
        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerPeriod,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = false,
        });
        var timer = timeProvider.CreateTimer(static state => ((TokenBucketRateLimiter)state!).TryReplenish(), limiter, period, period);
        return new Entry(limiter, timer);
    }

    private sealed record Entry(TokenBucketRateLimiter Limiter, ITimer Timer);
}
