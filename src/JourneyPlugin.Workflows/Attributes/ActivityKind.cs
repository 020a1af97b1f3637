namespace JourneyPlugin.Workflows.Attributes;

/// <summary>Elsa's activity kinds; the designer uses them for icons and the "Trigger workflow" option.</summary>
public enum ActivityKind
{
    /// <summary>Runs synchronously.</summary>
    Action,

    /// <summary>Can start workflows.</summary>
    Trigger,

    /// <summary>Runs as a background job.</summary>
    Job,

    /// <summary>Runs synchronously by default; calls something outside (HTTP, a vendor).</summary>
    Task,
}
