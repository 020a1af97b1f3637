namespace JourneyPlugin.Infobip.Sandbox.Faults;

/// <summary>A fault queued for a number of requests.</summary>
internal sealed class FaultBurst(SandboxFault fault, int count)
{
    public SandboxFault Fault { get; } = fault;

    public int Remaining { get; set; } = count;
}
