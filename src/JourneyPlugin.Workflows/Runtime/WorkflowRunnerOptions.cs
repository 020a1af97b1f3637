namespace JourneyPlugin.Workflows.Runtime;

/// <summary>Limits of the interpreter.</summary>
public sealed class WorkflowRunnerOptions
{
    /// <summary>
    /// Steps one burst may run before the instance faults. A journey that runs this many steps
    /// without waiting is almost certainly a loop without a wait.
    /// </summary>
    public int MaxStepsPerBurst { get; set; } = 1000;

    /// <summary>How many steps each instance keeps in its history.</summary>
    public int HistoryLimit { get; set; } = 50;
}
