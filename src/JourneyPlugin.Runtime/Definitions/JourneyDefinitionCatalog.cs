using System.Collections.Concurrent;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Runtime;

namespace JourneyPlugin.Runtime.Definitions;

/// <summary>
/// The journeys this host runs: loaded from the journey files of a directory (the <c>workflows/</c>
/// of source control) or registered in code. A definition registered again replaces the old one.
/// </summary>
public sealed class JourneyDefinitionCatalog(WorkflowLoader loader) : IJourneyDefinitionProvider
{
    private readonly ConcurrentDictionary<string, Workflow> _workflows = new(StringComparer.Ordinal);

    /// <summary>The loaded journeys.</summary>
    public IReadOnlyCollection<Workflow> Workflows => _workflows.Values.ToList();

    /// <inheritdoc />
    public ValueTask<Workflow?> FindAsync(string definitionId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_workflows.GetValueOrDefault(definitionId));

    /// <summary>Loads <paramref name="definition"/> and makes it runnable.</summary>
    /// <exception cref="WorkflowLoadException">It cannot run (unknown activity types, bad plain inputs).</exception>
    public Workflow Register(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var workflow = loader.Load(definition);
        _workflows[workflow.DefinitionId] = workflow;
        return workflow;
    }

    /// <summary>Loads every <c>*.json</c> journey of <paramref name="directory"/>.</summary>
    public async Task<IReadOnlyList<Workflow>> LoadDirectoryAsync(string directory, CancellationToken cancellationToken = default)
    {
        var loaded = new List<Workflow>();
        if (!Directory.Exists(directory))
        {
            return loaded;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            loaded.Add(Register(await WorkflowDefinition.LoadAsync(file, cancellationToken).ConfigureAwait(false)));
        }

        return loaded;
    }
}
