namespace JourneyPlugin.Workflows.Diagnostics;

/// <summary>The one meter every JourneyPlugin module records on; export it with OpenTelemetry's <c>AddMeter(JourneyPluginMeter.Name)</c>.</summary>
public static class JourneyPluginMeter
{
    /// <summary>The meter's name.</summary>
    public const string Name = "JourneyPlugin";
}
