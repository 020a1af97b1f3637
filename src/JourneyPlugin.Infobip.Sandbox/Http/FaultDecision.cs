using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>What a fault does to the current request.</summary>
/// <param name="Response">The answer that replaces normal processing, if any.</param>
/// <param name="Hold">How long to hold back the normal answer (a lost response), or zero.</param>
internal sealed record FaultDecision(IResponseMessage? Response, TimeSpan Hold)
{
    public static FaultDecision None { get; } = new(null, TimeSpan.Zero);
}
