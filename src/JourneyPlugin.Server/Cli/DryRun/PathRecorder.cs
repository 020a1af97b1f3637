using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;

namespace JourneyPlugin.Server.Cli.DryRun;

/// <summary>Records each instance's path as it runs: every completed step, and the replies written to it.</summary>
internal sealed class PathRecorder : IWorkflowStepListener
{
    private readonly ConcurrentDictionary<string, List<PathEvent>> _paths = new(StringComparer.Ordinal);

    public ValueTask OnStepCompletedAsync(WorkflowState state, ActivityRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(record);
        var outputs = state.Outputs.TryGetValue(record.ActivityId, out var values)
            ? values.ToDictionary(v => v.Key, v => Text(v.Value), StringComparer.Ordinal)
            : new Dictionary<string, string?>(StringComparer.Ordinal);
        Add(state.InstanceId, new PathEvent(record.At, record.ActivityId, record.Outcomes, outputs, record.Message));
        return ValueTask.CompletedTask;
    }

    /// <summary>Records that the customer of <paramref name="instanceId"/> wrote <paramref name="text"/>.</summary>
    public void AddReply(string instanceId, DateTimeOffset at, string text) =>
        Add(instanceId, new PathEvent(at, null, [], new Dictionary<string, string?>(), text));

    /// <summary>The path of <paramref name="instanceId"/>, in order.</summary>
    public IReadOnlyList<PathEvent> PathOf(string instanceId)
    {
        var path = _paths.GetValueOrDefault(instanceId);
        if (path is null)
        {
            return [];
        }

        lock (path)
        {
            return [.. path];
        }
    }

    private void Add(string instanceId, PathEvent step)
    {
        var path = _paths.GetOrAdd(instanceId, _ => []);
        lock (path)
        {
            path.Add(step);
        }
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };
}
