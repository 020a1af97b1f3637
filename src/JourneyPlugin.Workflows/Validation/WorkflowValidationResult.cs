namespace JourneyPlugin.Workflows.Validation;

/// <summary>The problems of a journey.</summary>
/// <param name="Problems">Every problem, in file order.</param>
public sealed record WorkflowValidationResult(IReadOnlyList<ValidationProblem> Problems)
{
    /// <summary>Whether the journey can run (it may still have warnings).</summary>
    public bool IsValid => Problems.All(p => p.Severity != ValidationSeverity.Error);
}
