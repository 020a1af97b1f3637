namespace JourneyPlugin.Server.Runs;

/// <summary>The 400 problem for a request whose field (form field, query parameter, JSON property) is wrong.</summary>
internal static class FieldProblem
{
    /// <summary>A validation problem naming <paramref name="field"/> in <c>errors</c> and in a <c>field</c> extension.</summary>
    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            detail: message,
            title: "The request is invalid",
            extensions: new Dictionary<string, object?> { ["field"] = field });
}
