namespace JourneyPlugin.Runtime.Storage;

/// <summary>
/// Journey instances: one row per instance with its serialised state, the index of the stimulus
/// bookmarks it waits on, and the time its next timer is due (the durable timeout table).
/// </summary>
/// <remarks>
/// The state is opaque to the store. Writers use optimistic concurrency: every save names the
/// version it read, so two writers of one instance (e.g. two activations during a failover) cannot
/// silently overwrite each other.
/// </remarks>
public interface IJourneyInstanceStore
{
    /// <summary>The instance, or <see langword="null"/> when there is none.</summary>
    Task<StoredInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts (<paramref name="expectedVersion"/> 0) or updates (the stored version must equal
    /// <paramref name="expectedVersion"/>) the instance, and in the same transaction replaces its
    /// bookmark index rows with <see cref="StoredInstance.WaitingOn"/> and its due time with
    /// <see cref="StoredInstance.NextDueAt"/>. <see cref="StoredInstance.Version"/> is ignored;
    /// <see cref="StoredInstance.CreatedAt"/> is kept from the insert.
    /// </summary>
    /// <returns>The new version (1 after an insert).</returns>
    /// <exception cref="ConcurrencyConflictException">The row exists on insert, or its version differs (or it is gone) on update.</exception>
    Task<long> SaveAsync(StoredInstance instance, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="instance"/> as <see cref="SaveAsync(StoredInstance, long, CancellationToken)"/> does and adds
    /// <paramref name="funnel"/> to its run's counters in the same transaction, so a step is counted exactly when it is saved.
    /// </summary>
    Task<long> SaveAsync(StoredInstance instance, long expectedVersion, IReadOnlyList<FunnelIncrement> funnel, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts, in one transaction, those of <paramref name="instances"/> that are not stored yet (at version 1,
    /// with their bookmark index rows and due times) and adds <paramref name="funnelOfInserted"/> of each inserted
    /// one to its run's counters; an instance stored already is left as it is.
    /// </summary>
    /// <returns>The ids of the instances inserted.</returns>
    Task<IReadOnlySet<string>> InsertNewAsync(IReadOnlyList<StoredInstance> instances, Func<StoredInstance, IEnumerable<FunnelIncrement>> funnelOfInserted, CancellationToken cancellationToken = default);

    /// <summary>The ids of the instances waiting on the stimulus bookmark <paramref name="bookmarkHash"/>, in id order.</summary>
    Task<IReadOnlyList<string>> FindWaitingAsync(string bookmarkHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="limit"/> instances whose next timer is due at or before <paramref name="now"/>,
    /// oldest due time first (then by id), starting after <paramref name="after"/> when given, so that
    /// a scan pages through them even when some stay due. Served from an index, so a million pending
    /// timers cost no more than a few.
    /// </summary>
    Task<IReadOnlyList<DueInstance>> FindDueAsync(DateTimeOffset now, int limit, DueInstance? after = null, CancellationToken cancellationToken = default);

    /// <summary>A page of the instances of a campaign run, in instance id order, without their state.</summary>
    Task<IReadOnlyList<StoredInstanceSummary>> ListByRunAsync(string runId, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>A page of the instances of a campaign run that have the status <paramref name="status"/>, in instance id order, without their state.</summary>
    Task<IReadOnlyList<StoredInstanceSummary>> ListByRunAsync(string runId, string status, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>How many instances of a run have the status <paramref name="status"/>.</summary>
    Task<int> CountByStatusAsync(string runId, string status, CancellationToken cancellationToken = default);

    /// <summary>How many instances of a run are in each status; statuses without instances are absent.</summary>
    Task<IReadOnlyDictionary<string, int>> CountStatusesAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Whether an instance of a run is still running or waiting; answered from an index, however large the run.</summary>
    Task<bool> HasActiveAsync(string runId, CancellationToken cancellationToken = default);
}
