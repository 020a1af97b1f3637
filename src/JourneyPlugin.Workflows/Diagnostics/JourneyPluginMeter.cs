using System.Diagnostics.Metrics;

namespace JourneyPlugin.Workflows.Diagnostics;

/// <summary>The one meter every JourneyPlugin module records on; export it with OpenTelemetry's <c>AddMeter(JourneyPluginMeter.Name)</c>.</summary>
public static class JourneyPluginMeter
{
    /// <summary>The meter's name.</summary>
    public const string Name = "JourneyPlugin";

    /// <summary>The meter from the host's <paramref name="meterFactory"/> (owned by the host), or one of its own without a host.</summary>
    public static Meter Create(IMeterFactory? meterFactory) => meterFactory?.Create(Name) ?? new Meter(Name);
}
