namespace JourneyPlugin.Runtime.Storage;

/// <summary>The legal moves between run statuses, shared by every run store.</summary>
public static class RunStatusTransitions
{
    /// <summary>
    /// Whether a run may go from <paramref name="from"/> to <paramref name="to"/>: Created → Running or
    /// Cancelled; Running → Paused, Cancelled or Completed; Paused → Running or Cancelled; Completed →
    /// Cancelled (its journeys may still wait for replies and timers, and cancelling stops them).
    /// Cancelled is final. Staying in the same status is allowed (a repeated command is harmless).
    /// </summary>
    public static bool IsAllowed(RunStatus from, RunStatus to) => from == to || (from, to) switch
    {
        (RunStatus.Created, RunStatus.Running or RunStatus.Cancelled) => true,
        (RunStatus.Running, RunStatus.Paused or RunStatus.Cancelled or RunStatus.Completed) => true,
        (RunStatus.Paused, RunStatus.Running or RunStatus.Cancelled) => true,
        (RunStatus.Completed, RunStatus.Cancelled) => true,
        _ => false,
    };
}
