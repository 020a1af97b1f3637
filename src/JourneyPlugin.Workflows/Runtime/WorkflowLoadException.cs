namespace JourneyPlugin.Workflows.Runtime;

/// <summary>A journey could not be loaded for running; the message lists each problem with its JSON path.</summary>
public sealed class WorkflowLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowLoadException(string? source, IReadOnlyList<string> problems)
        : base($"{source ?? "journey"} cannot run: {string.Join("; ", problems)}")
    {
        Problems = problems;
    }

    /// <summary>Each problem, <c>$.path: reason</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}
