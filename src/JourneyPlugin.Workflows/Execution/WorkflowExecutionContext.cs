using JourneyPlugin.Workflows.Expressions;
using JourneyPlugin.Workflows.Runtime;

namespace JourneyPlugin.Workflows.Execution;

/// <summary>The running journey instance as its activities see it during one burst.</summary>
public sealed class WorkflowExecutionContext
{
    internal WorkflowExecutionContext(Workflow workflow, WorkflowState state, IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        Workflow = workflow;
        State = state;
        Services = services;
        Clock = clock;
        CancellationToken = cancellationToken;
    }

    /// <summary>The journey.</summary>
    public Workflow Workflow { get; }

    /// <summary>The instance's state.</summary>
    public WorkflowState State { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Cancels the burst (the host is stopping).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The instance id.</summary>
    public string InstanceId => State.InstanceId;

    /// <summary>The correlation id.</summary>
    public string? CorrelationId => State.CorrelationId;

    /// <summary>Told after each completed step (the runtime persists the state there).</summary>
    internal IWorkflowStepListener? Listener { get; init; }

    /// <summary>Whether an activity ended the journey (<c>Elsa.End</c>).</summary>
    internal bool IsFinishing { get; private set; }

    /// <summary>Ends the journey once the current activity completes: nothing else runs or waits.</summary>
    public void Finish() => IsFinishing = true;

    /// <summary>What templates see now.</summary>
    public ExpressionModel CreateExpressionModel() => new()
    {
        Customer = State.Customer,
        Variables = State.Variables,
        Input = State.Input,
        CorrelationId = State.CorrelationId,
        WorkflowInstanceId = State.InstanceId,
    };

    /// <summary>A new id, deterministic for the instance.</summary>
    internal string NextId(string prefix) => $"{prefix}:{++State.Sequence}";
}
