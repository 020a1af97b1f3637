namespace JourneyPlugin.Runtime.Storage;

/// <summary>Campaign runs: their status, enrolment progress, rejected audience rows and funnel counters.</summary>
public interface IRunStore
{
    /// <summary>
    /// Creates a run in status <see cref="RunStatus.Created"/>, or returns the existing run with that id
    /// unchanged (so a retried create is harmless).
    /// </summary>
    Task<RunRecord> CreateAsync(string runId, string definitionId, string name, string? audienceName, CancellationToken cancellationToken = default);

    /// <summary>The run, or <see langword="null"/>.</summary>
    Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>A page of runs, newest first.</summary>
    Task<IReadOnlyList<RunRecord>> ListAsync(int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the run to <paramref name="status"/>; asking for the status it has changes nothing.
    /// </summary>
    /// <exception cref="InvalidRunTransitionException">The transition is not allowed (see <see cref="RunStatusTransitions"/>).</exception>
    /// <exception cref="KeyNotFoundException">No such run.</exception>
    Task<RunRecord> UpdateStatusAsync(string runId, RunStatus status, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the enrolment cursor (the last audience row handled, enrolled or rejected) forward to
    /// <paramref name="rowNumber"/>; a smaller number changes nothing. A restarted run resumes after it.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such run.</exception>
    Task AdvanceEnrolmentAsync(string runId, long rowNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records an audience row that was skipped (e.g. an invalid phone number). Recording the same row
    /// again changes nothing, so a resumed run does not count it twice.
    /// </summary>
    /// <returns>Whether the row was new.</returns>
    /// <exception cref="KeyNotFoundException">No such run.</exception>
    Task<bool> RecordRejectedRowAsync(string runId, long rowNumber, string reason, CancellationToken cancellationToken = default);

    /// <summary>A page of a run's rejected rows, in row order.</summary>
    Task<IReadOnlyList<RejectedRow>> ListRejectedRowsAsync(string runId, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="delta"/> to a funnel counter of the run (<paramref name="activityId"/>
    /// <see langword="null"/>) or of one of its steps. Exact under concurrency.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such run.</exception>
    Task IncrementAsync(string runId, string? activityId, FunnelCounter counter, string? reason = null, long delta = 1, CancellationToken cancellationToken = default);

    /// <summary>Applies many increments in one transaction.</summary>
    /// <exception cref="KeyNotFoundException">One of the runs does not exist; nothing was applied.</exception>
    Task IncrementManyAsync(IReadOnlyList<FunnelIncrement> increments, CancellationToken cancellationToken = default);

    /// <summary>The funnel of a run: its totals and each step's counts.</summary>
    /// <exception cref="KeyNotFoundException">No such run.</exception>
    Task<RunFunnel> GetFunnelAsync(string runId, CancellationToken cancellationToken = default);
}
