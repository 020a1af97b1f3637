using JourneyPlugin.Workflows.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JourneyPlugin.Server.Journeys;

/// <summary>The problem responses the journey endpoints share.</summary>
internal static class JourneyProblems
{
    public static ProblemHttpResult NotFound(string definitionId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such journey",
        detail: $"there is no journey '{definitionId}'");

    /// <summary>409: the journey is saved but has errors, listed under <c>problems</c>.</summary>
    public static ProblemHttpResult CannotRun(string definitionId, WorkflowValidationResult validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var errors = validation.Problems.Where(p => p.Severity == ValidationSeverity.Error).Select(JourneyProblem.From).ToList();
        return TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "The journey has errors",
            detail: $"journey '{definitionId}' cannot run until its {errors.Count} error(s) are fixed: "
                + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")),
            extensions: new Dictionary<string, object?> { ["problems"] = errors });
    }
}
