using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Runtime;

namespace JourneyPlugin.Runtime.Definitions;

/// <summary>
/// A journey of the catalogue in its latest version: a journey saved with errors is kept (the designer
/// goes on editing it) but has no <see cref="Workflow"/> when it cannot even be loaded.
/// </summary>
public sealed class JourneyDefinitionEntry
{
    /// <summary>The definition id.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>The latest definition. Not thread-safe: read it, do not validate or edit it concurrently.</summary>
    public required WorkflowDefinition Definition { get; init; }

    /// <summary>The text it was read from (the file's, or the definition's canonical text when registered in code).</summary>
    public required string Json { get; init; }

    /// <summary>The journey file, a full path; null for a journey registered in code.</summary>
    public string? File { get; init; }

    /// <summary>The loaded journey; null when it cannot run at all (e.g. an unknown activity type; validation says which).</summary>
    public Workflow? Workflow { get; init; }
}
