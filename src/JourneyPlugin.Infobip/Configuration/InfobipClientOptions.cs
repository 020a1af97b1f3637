namespace JourneyPlugin.Infobip.Configuration;

/// <summary>
/// Transport settings shared by every Infobip connection: timeouts, retries and the circuit breaker.
/// </summary>
public sealed class InfobipClientOptions
{
    /// <summary>
    /// How long one attempt may take, response body included. A send that times out after its
    /// request left is reported as outcome unknown, never retried.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for a TCP/TLS connection; a failed connect is provably not sent, so it is retried.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of requests that Infobip provably did not accept (connect failure, 429, 503).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First back-off delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait before a retry. A <c>Retry-After</c> longer than this is not waited for:
    /// the caller gets the 429 or 503 with its <c>Retry-After</c> and decides.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of failed calls to one Base URL, within <see cref="CircuitBreakerSamplingDuration"/>, that opens its circuit.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed within the sampling window before the breaker may open.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The window over which failures are counted.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit fails calls fast before letting one through.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The most template messages one request to Infobip's bulk template endpoint carries. Template
    /// sends of a connection that come while its requests are under way leave together in the next
    /// one; 1 sends every message on its own.
    /// </summary>
    public int MaxTemplatesPerRequest { get; set; } = 100;

    /// <summary>
    /// Template requests of one connection under way at once; further sends gather for the next
    /// request. Fewer make fuller requests, but a request that hangs until its timeout holds up a
    /// larger share of the connection's sends: at 4, lost answers and 429 bursts stalled a campaign
    /// (<c>CrashTests</c>: 10,000 sends took minutes); at 16 it sent them in about half a minute.
    /// </summary>
    public int MaxTemplateRequestsInFlight { get; set; } = 16;
}
