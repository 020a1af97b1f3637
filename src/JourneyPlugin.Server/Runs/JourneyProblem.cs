using JourneyPlugin.Workflows.Validation;

namespace JourneyPlugin.Server.Runs;

/// <summary>A validation problem of a journey, as the API reports it.</summary>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Path">The JSON path in the journey file.</param>
/// <param name="ActivityId">The step it concerns, if any.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record JourneyProblem(string Severity, string Path, string? ActivityId, string Message)
{
    public static JourneyProblem From(ValidationProblem problem) => new(
        problem.Severity == ValidationSeverity.Error ? "error" : "warning",
        problem.JsonPath,
        problem.ActivityId,
        problem.Message);
}
