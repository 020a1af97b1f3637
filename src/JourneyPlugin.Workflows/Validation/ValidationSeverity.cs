namespace JourneyPlugin.Workflows.Validation;

/// <summary>How serious a problem is: a journey with errors can be saved but not run.</summary>
public enum ValidationSeverity
{
    /// <summary>The journey cannot run.</summary>
    Error,

    /// <summary>The journey runs, but probably not as meant (e.g. an unreachable step).</summary>
    Warning,
}
