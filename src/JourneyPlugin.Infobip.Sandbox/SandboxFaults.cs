using JourneyPlugin.Infobip.Sandbox.Faults;

namespace JourneyPlugin.Infobip.Sandbox;

/// <summary>
/// Faults the sandbox's send endpoints suffer on demand. Each call queues a burst that hits the next
/// authenticated send requests, in the order the bursts were queued.
/// </summary>
public sealed class SandboxFaults
{
    private readonly Lock _sync = new();
    private readonly LinkedList<FaultBurst> _bursts = new();
    private readonly TimeSpan _defaultHold;

    internal SandboxFaults(TimeSpan defaultHold) => _defaultHold = defaultHold;

    /// <summary>The number of send requests still to be hit by a fault.</summary>
    public int Remaining
    {
        get
        {
            lock (_sync)
            {
                return _bursts.Sum(b => b.Remaining);
            }
        }
    }

    /// <summary>The next <paramref name="count"/> send requests get 429 TOO_MANY_REQUESTS.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="retryAfter">Sent as a <c>Retry-After</c> header (whole seconds, rounded up) when given.</param>
    public void AddTooManyRequests(int count, TimeSpan? retryAfter = null)
    {
        if (retryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), "Retry-After must not be negative.");
        }

        Add(new SandboxFault(SandboxFaultKind.TooManyRequests) { RetryAfter = retryAfter }, count);
    }

    /// <summary>The next <paramref name="count"/> send requests fail with a server error and are not accepted.</summary>
    /// <param name="count">How many requests.</param>
    /// <param name="statusCode">500 (GENERAL_ERROR) or 503 (service unavailable).</param>
    public void AddServerErrors(int count, int statusCode = 500)
    {
        if (statusCode is not (500 or 503))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "The sandbox answers server errors with 500 or 503.");
        }

        Add(new SandboxFault(SandboxFaultKind.ServerError) { StatusCode = statusCode }, count);
    }

    /// <summary>The next <paramref name="count"/> send requests are answered <paramref name="delay"/> late.</summary>
    public void AddLatency(int count, TimeSpan delay)
    {
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), "Latency must not be negative.");
        }

        Add(new SandboxFault(SandboxFaultKind.Latency) { Delay = delay }, count);
    }

    /// <summary>
    /// The next <paramref name="count"/> send requests are accepted — recorded, and their delivery
    /// reports posted — but their responses are held back for <paramref name="holdFor"/> (by default
    /// <see cref="InfobipSandboxOptions.LostResponseHold"/>), long enough for the caller to time out.
    /// </summary>
    public void AddLostResponses(int count, TimeSpan? holdFor = null)
    {
        if (holdFor < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(holdFor), "The hold must not be negative.");
        }

        Add(new SandboxFault(SandboxFaultKind.LostResponse) { Delay = holdFor ?? _defaultHold }, count);
    }

    /// <summary>Forgets all queued faults.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            _bursts.Clear();
        }
    }

    /// <summary>The fault that hits the current request, if any.</summary>
    internal SandboxFault? TryTake()
    {
        lock (_sync)
        {
            var first = _bursts.First;
            if (first is null)
            {
                return null;
            }

            if (--first.Value.Remaining == 0)
            {
                _bursts.RemoveFirst();
            }

            return first.Value.Fault;
        }
    }

    /// <summary>The queued bursts with their remaining counts, first to hit first.</summary>
    internal IReadOnlyList<(SandboxFault Fault, int Remaining)> Pending()
    {
        lock (_sync)
        {
            return [.. _bursts.Select(b => (b.Fault, b.Remaining))];
        }
    }

    private void Add(SandboxFault fault, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (_sync)
        {
            _bursts.AddLast(new FaultBurst(fault, count));
        }
    }
}
