using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Workflows.Runtime;

/// <summary>A journey definition loaded for running: activities instantiated, connections indexed.</summary>
public sealed class Workflow
{
    private readonly Dictionary<(string ActivityId, string Port), List<string>> _next;

    internal Workflow(WorkflowDefinition definition, IReadOnlyDictionary<string, WorkflowActivity> activities, string? startActivityId)
    {
        Definition = definition;
        Activities = activities;
        StartActivityId = startActivityId;
        _next = [];
        foreach (var connection in definition.Root.Connections)
        {
            if (activities.ContainsKey(connection.TargetActivityId))
            {
                var key = (connection.SourceActivityId, connection.SourcePort);
                if (!_next.TryGetValue(key, out var targets))
                {
                    _next[key] = targets = [];
                }

                targets.Add(connection.TargetActivityId);
            }
        }

        VariableNames = definition.Variables.ToDictionary(v => v.Id, v => v.Name, StringComparer.Ordinal);
    }

    /// <summary>The definition as read from its file.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>The definition id.</summary>
    public string DefinitionId => Definition.DefinitionId;

    /// <summary>The activities by node id.</summary>
    public IReadOnlyDictionary<string, WorkflowActivity> Activities { get; }

    /// <summary>Where the flowchart starts, chosen by Elsa's rules; null for an empty flowchart.</summary>
    public string? StartActivityId { get; }

    /// <summary>Variable names by variable id (outputs bind to ids).</summary>
    public IReadOnlyDictionary<string, string> VariableNames { get; }

    /// <summary>The activities connected to <paramref name="activityId"/>'s <paramref name="port"/>.</summary>
    public IReadOnlyList<string> Next(string activityId, string port) =>
        _next.TryGetValue((activityId, port), out var targets) ? targets : [];
}
