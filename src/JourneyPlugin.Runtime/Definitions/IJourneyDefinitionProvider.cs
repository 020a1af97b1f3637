using JourneyPlugin.Workflows.Runtime;

namespace JourneyPlugin.Runtime.Definitions;

/// <summary>Finds the journey a running instance belongs to.</summary>
public interface IJourneyDefinitionProvider
{
    /// <summary>The loaded journey <paramref name="definitionId"/>, or null when there is none.</summary>
    ValueTask<Workflow?> FindAsync(string definitionId, CancellationToken cancellationToken = default);
}
