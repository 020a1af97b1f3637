namespace JourneyPlugin.Workflows.Execution;

/// <summary>Where a journey instance is.</summary>
public enum WorkflowStatus
{
    /// <summary>Running a burst of steps.</summary>
    Running,

    /// <summary>Waiting on bookmarks (a reply, a delay, a timeout).</summary>
    Suspended,

    /// <summary>Done: nothing left to run or wait for.</summary>
    Finished,

    /// <summary>Stopped by an error; <see cref="WorkflowState.Fault"/> says which step and why.</summary>
    Faulted,

    /// <summary>Stopped from outside.</summary>
    Cancelled,
}
