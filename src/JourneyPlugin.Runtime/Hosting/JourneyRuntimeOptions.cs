namespace JourneyPlugin.Runtime.Hosting;

/// <summary>Settings of the embedded journey runtime.</summary>
public sealed class JourneyRuntimeOptions
{
    /// <summary>Where the SQLite file lives.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The journeys loaded at start-up; none when null or missing.</summary>
    public string? WorkflowsDirectory { get; set; } = "workflows";

    /// <summary>The Orleans silo port (loopback). Tests give each host its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The Orleans gateway port (loopback).</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>How often due timers are looked for; timeouts fire within this of their due time.</summary>
    public TimeSpan TimeoutScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many due instances one query reads.</summary>
    public int TimeoutScanBatchSize { get; set; } = 1000;

    /// <summary>How many due instances are fired at once.</summary>
    public int TimeoutFiringParallelism { get; set; } = 32;
}
