using JourneyPlugin.Infobip.Sandbox.Faults;
using JourneyPlugin.Infobip.Sandbox.Logging;
using Microsoft.Extensions.Logging;
using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>Applies the next queued fault, if any, to an authenticated send request.</summary>
internal sealed class FaultGate(SandboxFaults faults, TimeProvider time, ILogger logger, CancellationToken stopping)
{
    public async Task<FaultDecision> EnterAsync(IRequestMessage request)
    {
        if (faults.TryTake() is not { } fault)
        {
            return FaultDecision.None;
        }

        SandboxLog.FaultInjected(logger, fault.Kind.ToString(), request.Path);
        switch (fault.Kind)
        {
            case SandboxFaultKind.TooManyRequests:
                return new FaultDecision(InfobipErrors.TooManyRequests(fault.RetryAfter), TimeSpan.Zero);
            case SandboxFaultKind.ServerError:
                return new FaultDecision(InfobipErrors.ServerError(fault.StatusCode), TimeSpan.Zero);
            case SandboxFaultKind.Latency:
                await WaitAsync(fault.Delay).ConfigureAwait(false);
                return FaultDecision.None;
            case SandboxFaultKind.LostResponse:
                return new FaultDecision(null, fault.Delay);
            default:
                throw new InvalidOperationException($"Unknown fault {fault.Kind}.");
        }
    }

    /// <summary>Holds back an answer that was lost; the message is already accepted and its reports scheduled.</summary>
    public async Task HoldAsync(IRequestMessage request, TimeSpan hold)
    {
        if (hold > TimeSpan.Zero)
        {
            SandboxLog.HoldingResponse(logger, request.Path, hold);
            await WaitAsync(hold).ConfigureAwait(false);
        }
    }

    private async Task WaitAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, time, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The sandbox is shutting down: answer now rather than keep the host waiting.
        }
    }
}
