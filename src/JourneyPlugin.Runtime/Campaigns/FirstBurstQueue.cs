using JourneyPlugin.Runtime.Grains;

namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>
/// The first bursts of a run's enrolled instances, at most <c>parallelism</c> at once, each started as
/// soon as another ends, across batches: the run enrols its next batch while the last one still sends,
/// so neither an enrolment nor the pause between batches leaves the sender idle, and the run's grain is
/// free between enrolments to pause or cancel. An instance waits here only once its enrolment is durable
/// (saved running and due at once; <see cref="InstancesInBatch"/> keeps the timeout scanner off it).
/// </summary>
internal sealed class FirstBurstQueue(CampaignBatchStarter starter, int parallelism)
{
    private readonly Lock _lock = new();
    private readonly Queue<JourneyInstanceSession> _queued = new();
    private int _running;
    private bool _held;
    private TaskCompletionSource? _idle;

    /// <summary>Enrolled instances whose first burst has not ended: queued or running.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queued.Count + _running;
            }
        }
    }

    public void Add(IEnumerable<JourneyInstanceSession> sessions)
    {
        lock (_lock)
        {
            foreach (var session in sessions)
            {
                _queued.Enqueue(session);
            }

            StartWorkers();
        }
    }

    /// <summary>Starts no more first bursts until <see cref="Release"/>; those running go on.</summary>
    public void Hold()
    {
        lock (_lock)
        {
            _held = true;
        }
    }

    public void Release()
    {
        lock (_lock)
        {
            _held = false;
            StartWorkers();
        }
    }

    /// <summary>Lets go of the instances not started: the timeout scanner, or their grain, takes each from its enrolment.</summary>
    public void Drop()
    {
        List<JourneyInstanceSession> dropped;
        lock (_lock)
        {
            dropped = [.. _queued];
            _queued.Clear();
        }

        foreach (var session in dropped)
        {
            starter.LetGo(session);
        }
    }

    /// <summary>Completes once no first burst runs and none can start (the queue is empty or held).</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            return _running == 0 && (_held || _queued.Count == 0)
                ? Task.CompletedTask
                : (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Called under the lock.</summary>
    private void StartWorkers()
    {
        while (!_held && _running < parallelism && _queued.TryDequeue(out var session))
        {
            _running++;

            // On the thread pool: the caller is a grain, whose scheduler would run each burst until its first await.
            _ = Task.Run(() => WorkAsync(session));
        }
    }

    private async Task WorkAsync(JourneyInstanceSession session)
    {
        while (true)
        {
            await starter.RunFirstBurstAsync(session).ConfigureAwait(false);
            lock (_lock)
            {
                if (_held || !_queued.TryDequeue(out session!))
                {
                    if (--_running == 0)
                    {
                        _idle?.TrySetResult();
                        _idle = null;
                    }

                    return;
                }
            }
        }
    }
}
