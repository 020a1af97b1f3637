namespace JourneyPlugin.Workflows.Definitions;

/// <summary>
/// A workflow-definition file that is not JSON or does not have the structure of an Elsa 3 definition.
/// The message reads <c>welcome.json: $.root.activities[1].type: required field is missing</c>.
/// </summary>
public sealed class WorkflowDefinitionFormatException : FormatException
{
    /// <summary>Creates an exception for an unspecified problem with the whole document.</summary>
    public WorkflowDefinitionFormatException()
        : this(null, JsonPaths.Root, "the workflow definition is not valid")
    {
    }

    /// <summary>Creates an exception for the whole document with <paramref name="message"/> as its reason.</summary>
    public WorkflowDefinitionFormatException(string message)
        : this(message, (Exception?)null)
    {
    }

    /// <summary>Creates an exception for the whole document with <paramref name="message"/> as its reason.</summary>
    public WorkflowDefinitionFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
        JsonPath = JsonPaths.Root;
        Reason = message;
    }

    /// <summary>Creates an exception naming the file, the place in it and what is wrong there.</summary>
    /// <param name="source">The file path or name, or null when the JSON did not come from a file.</param>
    /// <param name="jsonPath">Where the problem is, e.g. <c>$.root.activities[1].type</c>.</param>
    /// <param name="reason">What is wrong, e.g. <c>required field is missing</c>.</param>
    /// <param name="innerException">The parser's exception, if any.</param>
    public WorkflowDefinitionFormatException(string? source, string jsonPath, string reason, Exception? innerException = null)
        : base(source is null ? $"{jsonPath}: {reason}" : $"{source}: {jsonPath}: {reason}", innerException)
    {
        Source = source;
        JsonPath = jsonPath;
        Reason = reason;
    }

    /// <summary>The file path or name the definition was read from; null when it did not come from a file.</summary>
    /// <remarks>Overrides <see cref="Exception.Source"/>: for a format error the file is the object that caused it.</remarks>
    public override string? Source { get; set; }

    /// <summary>Where in the document the problem is, e.g. <c>$.root.activities[1].type</c>; <c>$</c> for the whole document.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong, without file and path, e.g. <c>required field is missing</c>.</summary>
    public string Reason { get; }
}
