namespace JourneyPlugin.Workflows.Expressions;

/// <summary>Limits that keep templates from hurting the host, and the size of the parsed-template cache.</summary>
public sealed class TemplateOptions
{
    /// <summary>Gets or sets how many loop iterations one loop (nested loops count together) may run. Default 1000.</summary>
    public int LoopLimit { get; set; } = 1000;

    /// <summary>Gets or sets how deeply function calls may nest. Default 20.</summary>
    public int RecursionLimit { get; set; } = 20;

    /// <summary>Gets or sets the longest output, and the longest text value a template may build, in characters. Default 65536.</summary>
    public int MaxOutputLength { get; set; } = 64 * 1024;

    /// <summary>Gets or sets how long one render or evaluation may run, measured by the injected <see cref="TimeProvider"/>. Default 1 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how many parsed templates and expressions are kept. Default 1024.</summary>
    public int CacheCapacity { get; set; } = 1024;
}
