using JourneyPlugin.Runtime.Campaigns.Audience;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Execution;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>
/// Enrols a run's audience one batch per timer tick, a batch ahead of the first bursts still to run
/// (<see cref="FirstBurstQueue"/>), so that pause, resume and cancel are served between enrolments,
/// not after a batch's sends. The reader stays open across ticks; after a restart the grain reopens
/// the file and skips the rows its cursor says were handled (a customer enrolled twice is harmless
/// anyway: the instance id is derived from run and customer). Pause and cancel start no more first
/// bursts and answer once those running have ended, so nothing of the run is sent after the answer;
/// a pause keeps the rest queued for the resume, a cancel lets go of them for the cancel sweep.
/// Cancelling also cancels the run's waiting instances, one page per timer tick; an instance reached
/// by a reply or timer before its turn cancels itself (it checks its run).
/// </summary>
internal sealed partial class CampaignRunGrain(
    IRunStore runs,
    IJourneyInstanceStore instances,
    IJourneyDefinitionProvider definitions,
    CampaignBatchStarter starter,
    IGrainFactory grains,
    IOptions<CampaignOptions> options,
    ILogger<CampaignRunGrain> logger) : Grain, ICampaignRunGrain
{
    private readonly FirstBurstQueue _bursts = starter.CreateQueue();
    private RunRecord? _run;
    private IAsyncEnumerator<AudienceRow>? _rows;
    private Stream? _file;
    private IGrainTimer? _timer;
    private IGrainTimer? _sweep;
    private int _sweepOffset;
    private int _cancelled;

    /// <summary>
    /// Rows read and not enrolled yet: a tick that fails (no journey, a failed write) leaves them to the next,
    /// which does its steps again harmlessly (rejected rows and enrolments are keyed by row and by customer).
    /// </summary>
    private List<AudienceRow> _batch = [];
    private bool _enrolmentFailing;
    private bool _enrolmentFinished;

    private string RunId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _run = await runs.GetAsync(RunId, cancellationToken);
        if (_run?.Status == RunStatus.Running)
        {
            // A restart in the middle of enrolment: go on from the cursor.
            StartTimer();
        }
        else if (_run?.Status == RunStatus.Cancelled && await instances.HasActiveAsync(RunId, cancellationToken))
        {
            // A restart in the middle of cancelling.
            StartSweep();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Only when the process stops (the timer keeps the grain alive while it holds any): the scanner
        // takes those not started after the restart, and those running end first, as far as the
        // shutdown allows, so that their sends do not become outcomes to settle.
        _bursts.Drop();
        try
        {
            await _bursts.WhenIdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Log.StoppedWithBurstsRunning(logger, RunId, _bursts.Pending);
        }

        await CloseAudienceAsync();
    }

    public async Task<CampaignRunSnapshot> StartAsync(CampaignStartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_run is null)
        {
            if (!File.Exists(request.AudiencePath))
            {
                throw new FileNotFoundException($"The audience file '{request.AudiencePath}' does not exist.", request.AudiencePath);
            }

            await runs.CreateAsync(RunId, request.DefinitionId, request.Name, request.AudiencePath);
            _run = await runs.UpdateStatusAsync(RunId, RunStatus.Running);
            StartTimer();
        }

        return Snapshot();
    }

    public async Task<CampaignRunSnapshot> PauseAsync()
    {
        if (_run?.Status == RunStatus.Running)
        {
            // The timer goes on while instances are held, keeping them in this activation; its ticks enrol nothing while paused.
            _bursts.Hold();
            await _bursts.WhenIdleAsync();
            _run = await runs.UpdateStatusAsync(RunId, RunStatus.Paused);
        }

        return Snapshot();
    }

    public async Task<CampaignRunSnapshot> ResumeAsync()
    {
        if (_run?.Status == RunStatus.Paused)
        {
            _run = await runs.UpdateStatusAsync(RunId, RunStatus.Running);
            _bursts.Release();
            StartTimer();
        }

        return Snapshot();
    }

    public async Task<CampaignRunSnapshot> CancelAsync()
    {
        if (_run?.Status is RunStatus.Running or RunStatus.Paused or RunStatus.Created or RunStatus.Completed)
        {
            StopTimer();
            _bursts.Hold();
            await _bursts.WhenIdleAsync();
            await CloseAudienceAsync();
            _run = await runs.UpdateStatusAsync(RunId, RunStatus.Cancelled);

            // Only now: the timeout scanner may take one at once, and its grain must find the run cancelled.
            _bursts.Drop();
            StartSweep();
        }

        return Snapshot();
    }

    public async Task<CampaignRunSnapshot?> GetAsync()
    {
        _run = await runs.GetAsync(RunId);
        return _run is null ? null : Snapshot();
    }

    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(EnrolBatchAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero,
            Period = options.Value.BatchInterval,
            KeepAlive = true,
        });

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private void StartSweep() =>
        _sweep ??= this.RegisterGrainTimer(CancelInstancesAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero,
            Period = options.Value.BatchInterval,
            KeepAlive = true,
        });

    /// <summary>Cancels one page of the run's waiting instances; stops after the last page.</summary>
    private async Task CancelInstancesAsync(CancellationToken cancellationToken)
    {
        var page = await instances.ListByRunAsync(RunId, _sweepOffset, options.Value.BatchSize, CancellationToken.None);
        await Parallel.ForEachAsync(
            page.Where(i => i.Status is nameof(WorkflowStatus.Suspended) or nameof(WorkflowStatus.Running)),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism },
            async (instance, _) =>
            {
                if (await grains.GetGrain<IJourneyInstanceGrain>(instance.InstanceId).CancelAsync())
                {
                    Interlocked.Increment(ref _cancelled);
                }
            });
        _sweepOffset += page.Count;
        if (page.Count < options.Value.BatchSize)
        {
            Log.InstancesCancelled(logger, RunId, _cancelled);
            _sweep?.Dispose();
            _sweep = null;
        }
    }

    private async Task EnrolBatchAsync(CancellationToken cancellationToken)
    {
        if (_run?.Status == RunStatus.Paused && _bursts.Pending > 0)
        {
            return;
        }

        if (_run is null || _run.Status != RunStatus.Running)
        {
            StopTimer();
            return;
        }

        if (_enrolmentFinished)
        {
            // Completed once the last first bursts have run, as a run without a queue would be.
            if (_bursts.Pending == 0)
            {
                _run = await runs.UpdateStatusAsync(RunId, RunStatus.Completed, CancellationToken.None);
                Log.EnrolmentFinished(logger, RunId, _run.EnrolmentCursor, _run.RowsRejected);
                StopTimer();
            }

            return;
        }

        if (_bursts.Pending > options.Value.BatchSize)
        {
            // A batch is still ahead of the sends: enrolling more would only hold more in memory.
            return;
        }

        try
        {
            await EnrolNextAsync(_run, cancellationToken);
            _enrolmentFailing = false;
        }
#pragma warning disable CA1031 // Whatever failed (the journey gone, a write), the next tick tries the same rows again.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            // Once per streak: the ticks come every BatchInterval.
            if (!_enrolmentFailing)
            {
                Log.EnrolmentFailed(logger, RunId, e);
                _enrolmentFailing = true;
            }
        }
    }

    private async Task EnrolNextAsync(RunRecord run, CancellationToken cancellationToken)
    {
        _rows ??= await OpenAudienceAsync(run, cancellationToken);
        var batch = _batch;
        while (batch.Count < options.Value.BatchSize && await _rows.MoveNextAsync())
        {
            batch.Add(_rows.Current);
        }

        foreach (var rejected in batch.Where(r => !r.IsValid))
        {
            await runs.RecordRejectedRowAsync(RunId, rejected.RowNumber, rejected.Error ?? "invalid row", cancellationToken);
        }

        var workflow = await definitions.FindAsync(run.DefinitionId, cancellationToken)
            ?? throw new InvalidOperationException($"there is no journey '{run.DefinitionId}'");
        _bursts.Add(await starter.EnrolAsync(workflow, RunId, [.. batch.Where(r => r.IsValid)], cancellationToken));

        if (batch.Count > 0)
        {
            await runs.AdvanceEnrolmentAsync(RunId, batch[^1].RowNumber, cancellationToken);
            _run = await runs.GetAsync(RunId, cancellationToken);
        }

        _batch = new List<AudienceRow>(options.Value.BatchSize);
        if (batch.Count < options.Value.BatchSize)
        {
            _enrolmentFinished = true;
            await CloseAudienceAsync();
        }
    }

    private async Task<IAsyncEnumerator<AudienceRow>> OpenAudienceAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var path = run.AudienceName ?? throw new InvalidOperationException($"run {RunId} has no audience file");
        _file = File.OpenRead(path);
        var head = new byte[512];
        var read = await _file.ReadAsync(head, cancellationToken);
        _file.Position = 0;
        var rows = AudienceReader.ReadAsync(_file, AudienceReader.Detect(path, head.AsSpan(0, read)), cancellationToken: CancellationToken.None).GetAsyncEnumerator(CancellationToken.None);

        // Skip what an earlier activation already handled.
        while (run.EnrolmentCursor > 0 && await rows.MoveNextAsync())
        {
            if (rows.Current.RowNumber > run.EnrolmentCursor)
            {
                _batch.Add(rows.Current);
                break;
            }
        }

        return rows;
    }

    private async Task CloseAudienceAsync()
    {
        if (_rows is not null)
        {
            await _rows.DisposeAsync();
            _rows = null;
        }

        if (_file is not null)
        {
            await _file.DisposeAsync();
            _file = null;
        }
    }

    private CampaignRunSnapshot Snapshot() => new()
    {
        RunId = RunId,
        Status = _run?.Status.ToString() ?? "Unknown",
        RowsRead = _run?.EnrolmentCursor ?? 0,
        RowsRejected = _run?.RowsRejected ?? 0,
        EnrolmentFinished = _enrolmentFinished || _run?.Status == RunStatus.Completed,
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Run {RunId} enrolled its audience: {Rows} rows read, {Rejected} rejected")]
        public static partial void EnrolmentFinished(ILogger logger, string runId, long rows, long rejected);

        [LoggerMessage(2, LogLevel.Information, "Run {RunId} was cancelled: {Count} waiting journey instances cancelled")]
        public static partial void InstancesCancelled(ILogger logger, string runId, int count);

        [LoggerMessage(3, LogLevel.Warning, "Run {RunId} could not enrol its next rows; it tries the same rows again every batch interval")]
        public static partial void EnrolmentFailed(ILogger logger, string runId, Exception exception);

        [LoggerMessage(4, LogLevel.Warning, "Run {RunId} stopped with {Count} first bursts still running; those cut short are resumed from their last save after the restart")]
        public static partial void StoppedWithBurstsRunning(ILogger logger, string runId, int count);
    }
}
