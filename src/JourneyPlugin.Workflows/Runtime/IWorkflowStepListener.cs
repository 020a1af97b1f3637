using JourneyPlugin.Workflows.Execution;

namespace JourneyPlugin.Workflows.Runtime;

/// <summary>
/// Told after each step that completed, with the state as it now is (the step recorded, its
/// successors scheduled); the runtime persists the state here, before the next step's side effects.
/// </summary>
public interface IWorkflowStepListener
{
    /// <summary>Called after the step recorded in <paramref name="record"/> completed.</summary>
    ValueTask OnStepCompletedAsync(WorkflowState state, ActivityRecord record, CancellationToken cancellationToken);
}
