namespace JourneyPlugin.Workflows.Models;

/// <summary>Well-known outcome and port names.</summary>
public static class Outcomes
{
    /// <summary>The outcome of an activity that declares none.</summary>
    public const string Done = "Done";

    /// <summary>The inbound port of every activity but the start.</summary>
    public const string In = "In";
}
