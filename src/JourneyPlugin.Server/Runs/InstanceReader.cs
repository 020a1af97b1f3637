using System.Text.Json;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Execution;

namespace JourneyPlugin.Server.Runs;

/// <summary>Reads journey instances from the store: a run's list, and one instance with its state.</summary>
internal sealed class InstanceReader(IJourneyInstanceStore instances, IJourneyDefinitionProvider definitions)
{
    /// <summary>A page of a run's instances, optionally only those in <paramref name="status"/>.</summary>
    public async Task<IReadOnlyList<InstanceSummaryResponse>> ListAsync(string runId, string? status, int skip, int take, CancellationToken cancellationToken)
    {
        var page = status is null
            ? await instances.ListByRunAsync(runId, skip, take, cancellationToken).ConfigureAwait(false)
            : await instances.ListByRunAsync(runId, status, skip, take, cancellationToken).ConfigureAwait(false);
        var list = new List<InstanceSummaryResponse>(page.Count);
        foreach (var summary in page)
        {
            // The current step is in the state; a page is small, so read each one.
            var stored = await instances.GetAsync(summary.InstanceId, cancellationToken).ConfigureAwait(false);
            var current = stored is null ? null : CurrentActivityId(Deserialize(stored));
            list.Add(new InstanceSummaryResponse(summary.InstanceId, summary.CustomerKey, summary.Status, current, summary.NextDueAt, summary.CreatedAt, summary.UpdatedAt));
        }

        return list;
    }

    /// <summary>The instance with its history, waits and variables, or null when there is none.</summary>
    public async Task<InstanceResponse?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (await instances.GetAsync(instanceId, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return null;
        }

        var state = Deserialize(stored);
        var workflow = await definitions.FindAsync(stored.DefinitionId, cancellationToken).ConfigureAwait(false);
        string? NameOf(string activityId) => workflow?.Activities.GetValueOrDefault(activityId)?.Node.Name;
        return new InstanceResponse(
            stored.InstanceId,
            stored.RunId,
            stored.DefinitionId,
            stored.CustomerKey,
            stored.Status,
            CurrentActivityId(state),
            stored.NextDueAt,
            stored.CreatedAt,
            stored.UpdatedAt,
            state.Fault is { } fault ? new InstanceFaultResponse(fault.ActivityId, fault.Message, fault.At) : null,
            state.History.Select(h => new HistoryEntryResponse(h.ActivityId, h.ActivityType, NameOf(h.ActivityId), h.Outcomes.Count > 0 ? h.Outcomes[^1] : null, h.Outcomes, h.At, h.Message)).ToList(),
            state.Bookmarks.Select(b => new BookmarkResponse(b.ActivityId, b.ResumeAt is null ? "stimulus" : "timer", b.Name, b.CreatedAt, b.ResumeAt)).ToList(),
            state.Variables);
    }

    private static WorkflowState Deserialize(StoredInstance stored) =>
        JsonSerializer.Deserialize<WorkflowState>(stored.StateJson)
        ?? throw new InvalidOperationException($"The state of instance '{stored.InstanceId}' is empty.");

    /// <summary>The step the instance waits in (a reply before a timer), else the last step it ran.</summary>
    private static string? CurrentActivityId(WorkflowState state) =>
        state.Bookmarks.OrderBy(b => b.ResumeAt is null ? 0 : 1).FirstOrDefault()?.ActivityId
        ?? state.Scheduled.FirstOrDefault()?.ActivityId
        ?? state.History.LastOrDefault()?.ActivityId;
}
