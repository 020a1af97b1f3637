namespace JourneyPlugin.Infobip.Sandbox.Faults;

/// <summary>What a fault does to a send request.</summary>
internal enum SandboxFaultKind
{
    /// <summary>429 TOO_MANY_REQUESTS; the message is not accepted.</summary>
    TooManyRequests,

    /// <summary>500 or 503; the message is not accepted.</summary>
    ServerError,

    /// <summary>The request is processed normally, but late.</summary>
    Latency,

    /// <summary>The message is accepted, but the response is held back.</summary>
    LostResponse,
}
