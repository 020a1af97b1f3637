namespace JourneyPlugin.Infobip.Sandbox.Scheduling;

/// <summary>Counts scheduled events and unsent webhooks so that a caller can wait until none is left.</summary>
internal sealed class PendingWork
{
    private readonly Lock _sync = new();
    private int _count;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _count;
            }
        }
    }

    public void Add()
    {
        lock (_sync)
        {
            if (_count++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }
    }

    public void Done()
    {
        TaskCompletionSource? idle = null;
        lock (_sync)
        {
            if (--_count == 0)
            {
                idle = _idle;
            }
        }

        idle?.TrySetResult();
    }

    public Task WaitForIdleAsync(CancellationToken cancellationToken)
    {
        Task idle;
        lock (_sync)
        {
            idle = _idle.Task;
        }

        return idle.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            idle.SetResult();
        }

        return idle;
    }
}
