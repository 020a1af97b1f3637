namespace JourneyPlugin.Infobip.Sandbox.Faults;

/// <summary>One fault that hits one send request.</summary>
internal sealed record SandboxFault(SandboxFaultKind Kind)
{
    /// <summary>The latency added, or how long a lost response is held back.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The status of a server error.</summary>
    public int StatusCode { get; init; } = 500;

    /// <summary>The <c>Retry-After</c> of a 429, if any.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
