using System.Collections.Concurrent;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Runtime;
using JourneyPlugin.Workflows.Validation;

namespace JourneyPlugin.Runtime.Definitions;

/// <summary>
/// The journeys this host runs: loaded from the journey files of a directory (the <c>workflows/</c>
/// of source control), saved through the API, or registered in code. A definition registered again
/// replaces the old one for new instances.
/// </summary>
/// <remarks>
/// A journey saved with errors stays in the catalogue so it can be listed, read and fixed; callers that
/// start instances check <see cref="ValidateAsync"/> first. Instances already running keep going on the
/// last version that loaded.
/// </remarks>
public sealed class JourneyDefinitionCatalog(WorkflowLoader loader, WorkflowValidator validator, TimeProvider clock) : IJourneyDefinitionProvider
{
    // Validation reads the vendor's template catalogue, which changes (a template gets approved); a short
    // lifetime keeps triggers cheap without holding on to a stale verdict for long.
    private static readonly TimeSpan ValidationLifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, JourneyDefinitionEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Workflow> _runnable = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (JourneyDefinitionEntry Entry, WorkflowValidationResult Result, DateTimeOffset At)> _validations = new(StringComparer.Ordinal);

    /// <summary>The loaded journeys (for each, the last version that loaded).</summary>
    public IReadOnlyCollection<Workflow> Workflows => _runnable.Values.ToList();

    /// <summary>Every journey in its latest version, including those that cannot run.</summary>
    public IReadOnlyCollection<JourneyDefinitionEntry> Entries => _entries.Values.ToList();

    /// <inheritdoc />
    public ValueTask<Workflow?> FindAsync(string definitionId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_runnable.GetValueOrDefault(definitionId));

    /// <summary>The latest version of journey <paramref name="definitionId"/>, or null when there is none.</summary>
    public JourneyDefinitionEntry? Find(string definitionId) => _entries.GetValueOrDefault(definitionId);

    /// <summary>Loads <paramref name="definition"/> and makes it runnable.</summary>
    /// <exception cref="WorkflowLoadException">It cannot run (unknown activity types, bad plain inputs).</exception>
    public Workflow Register(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var workflow = loader.Load(definition);
        Put(new JourneyDefinitionEntry
        {
            DefinitionId = workflow.DefinitionId,
            Definition = definition,
            Json = definition.ToJson(),
            File = FileOf(definition),
            Workflow = workflow,
        });
        return workflow;
    }

    /// <summary>
    /// Makes <paramref name="definition"/>, read from <paramref name="json"/>, the latest version of its journey,
    /// whether or not it loads; one that loads is what new instances run.
    /// </summary>
    public JourneyDefinitionEntry Store(WorkflowDefinition definition, string json)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(json);
        Workflow? workflow = null;
        try
        {
            workflow = loader.Load(definition);
        }
        catch (WorkflowLoadException)
        {
            // Kept without a workflow; ValidateAsync names the problems.
        }

        var entry = new JourneyDefinitionEntry
        {
            DefinitionId = definition.DefinitionId,
            Definition = definition,
            Json = json,
            File = FileOf(definition),
            Workflow = workflow,
        };
        Put(entry);
        return entry;
    }

    /// <summary>Removes journey <paramref name="definitionId"/>; false when there is none.</summary>
    /// <remarks>Its instances that still wait find no journey and stay where they are.</remarks>
    public bool Remove(string definitionId)
    {
        ArgumentNullException.ThrowIfNull(definitionId);
        _runnable.TryRemove(definitionId, out _);
        _validations.TryRemove(definitionId, out _);
        return _entries.TryRemove(definitionId, out _);
    }

    /// <summary>
    /// The problems of the latest version of journey <paramref name="definitionId"/> (template checks against the
    /// connection's catalogue included), or null when there is no such journey. Results are kept for a minute.
    /// </summary>
    public async Task<WorkflowValidationResult?> ValidateAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        if (Find(definitionId) is not { } entry)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (_validations.TryGetValue(definitionId, out var cached) && ReferenceEquals(cached.Entry, entry) && now - cached.At < ValidationLifetime)
        {
            return cached.Result;
        }

        // A fresh copy: the entry's definition is shared with running instances and is not thread-safe.
        var result = await validator.ValidateAsync(WorkflowDefinition.Parse(entry.Json, entry.File), cancellationToken).ConfigureAwait(false);
        _validations[definitionId] = (entry, result, now);
        return result;
    }

    /// <summary>Loads every <c>*.json</c> journey of <paramref name="directory"/>, those with errors included.</summary>
    /// <exception cref="WorkflowDefinitionFormatException">A file is not JSON or not a workflow definition.</exception>
    public async Task<IReadOnlyList<JourneyDefinitionEntry>> LoadDirectoryAsync(string directory, CancellationToken cancellationToken = default)
    {
        var loaded = new List<JourneyDefinitionEntry>();
        if (!Directory.Exists(directory))
        {
            return loaded;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var path = Path.GetFullPath(file);
            var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            loaded.Add(Store(WorkflowDefinition.Parse(json, path), json));
        }

        return loaded;
    }

    private void Put(JourneyDefinitionEntry entry)
    {
        _entries[entry.DefinitionId] = entry;
        _validations.TryRemove(entry.DefinitionId, out _);
        if (entry.Workflow is { } workflow)
        {
            _runnable[entry.DefinitionId] = workflow;
        }
    }

    private static string? FileOf(WorkflowDefinition definition) =>
        definition.Source is { } source && Path.IsPathRooted(source) ? source : null;
}
