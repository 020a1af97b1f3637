namespace JourneyPlugin.Workflows.Validation;

/// <summary>One problem of a journey file: where (file and JSON path) and why.</summary>
/// <param name="Source">The file, when known.</param>
/// <param name="JsonPath">Where in the file, e.g. <c>$.root.activities[2].timeout</c>.</param>
/// <param name="Message">What is wrong, in words a journey designer can act on.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="ActivityId">The step it concerns, if any (the designer marks it on the canvas).</param>
public sealed record ValidationProblem(string? Source, string JsonPath, string Message, ValidationSeverity Severity = ValidationSeverity.Error, string? ActivityId = null)
{
    /// <summary><c>file: $.path: message</c>.</summary>
    public override string ToString() =>
        $"{(Source is null ? string.Empty : Source + ": ")}{JsonPath}: {(Severity == ValidationSeverity.Warning ? "warning: " : string.Empty)}{Message}";
}
