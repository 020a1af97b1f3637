using System.Text.Json.Serialization;
using JourneyPlugin.Workflows.Validation;

namespace JourneyPlugin.Server.Journeys;

/// <summary>One problem of a journey, as the designer shows it.</summary>
/// <param name="Severity"><c>error</c> (the journey cannot run) or <c>warning</c>.</param>
/// <param name="Path">Where in the journey JSON, e.g. <c>$.root.activities[2].timeout</c>.</param>
/// <param name="ActivityId">The step it concerns, if any.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record JourneyProblem(
    string Severity,
    string Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ActivityId,
    string Message)
{
    public static JourneyProblem From(ValidationProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Severity == ValidationSeverity.Error ? "error" : "warning", problem.JsonPath, problem.ActivityId, problem.Message);
    }

    public static List<JourneyProblem> From(WorkflowValidationResult result) => result.Problems.Select(From).ToList();
}
