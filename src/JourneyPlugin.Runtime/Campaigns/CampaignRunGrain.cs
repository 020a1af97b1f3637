using JourneyPlugin.Runtime.Campaigns.Audience;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Execution;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>
/// Enrols a run's audience one batch per timer tick, so that pause, resume and cancel are served
/// between batches. The reader stays open across ticks; after a restart the grain reopens the file
/// and skips the rows its cursor says were handled (a customer enrolled twice is harmless anyway:
/// the instance id is derived from run and customer). Cancelling also cancels the run's waiting
/// instances, one page per timer tick; an instance reached by a reply or timer before its turn
/// cancels itself (it checks its run), so nothing is sent after the cancel either way.
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
    private RunRecord? _run;
    private IAsyncEnumerator<AudienceRow>? _rows;
    private Stream? _file;
    private IGrainTimer? _timer;
    private IGrainTimer? _sweep;
    private int _sweepOffset;
    private int _cancelled;
    private AudienceRow? _pending;
    private bool _finished;

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
            StopTimer();
            _run = await runs.UpdateStatusAsync(RunId, RunStatus.Paused);
        }

        return Snapshot();
    }

    public async Task<CampaignRunSnapshot> ResumeAsync()
    {
        if (_run?.Status == RunStatus.Paused)
        {
            _run = await runs.UpdateStatusAsync(RunId, RunStatus.Running);
            StartTimer();
        }

        return Snapshot();
    }

    public async Task<CampaignRunSnapshot> CancelAsync()
    {
        if (_run?.Status is RunStatus.Running or RunStatus.Paused or RunStatus.Created or RunStatus.Completed)
        {
            StopTimer();
            await CloseAudienceAsync();
            _run = await runs.UpdateStatusAsync(RunId, RunStatus.Cancelled);
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
        if (_run is null || _run.Status != RunStatus.Running)
        {
            StopTimer();
            return;
        }

        _rows ??= await OpenAudienceAsync(_run, cancellationToken);
        var batch = new List<AudienceRow>(options.Value.BatchSize);
        if (_pending is not null)
        {
            batch.Add(_pending);
            _pending = null;
        }

        while (batch.Count < options.Value.BatchSize && await _rows.MoveNextAsync())
        {
            batch.Add(_rows.Current);
        }

        foreach (var rejected in batch.Where(r => !r.IsValid))
        {
            await runs.RecordRejectedRowAsync(RunId, rejected.RowNumber, rejected.Error ?? "invalid row", cancellationToken);
        }

        var workflow = await definitions.FindAsync(_run.DefinitionId, cancellationToken)
            ?? throw new InvalidOperationException($"there is no journey '{_run.DefinitionId}'");
        await starter.StartAsync(workflow, RunId, [.. batch.Where(r => r.IsValid)], cancellationToken);

        if (batch.Count > 0)
        {
            await runs.AdvanceEnrolmentAsync(RunId, batch[^1].RowNumber, cancellationToken);
            _run = await runs.GetAsync(RunId, cancellationToken);
        }

        if (batch.Count < options.Value.BatchSize)
        {
            // Recorded before the timer stops: stopping it cancels this callback's token.
            _finished = true;
            _run = await runs.UpdateStatusAsync(RunId, RunStatus.Completed, CancellationToken.None);
            Log.EnrolmentFinished(logger, RunId, _run.EnrolmentCursor, _run.RowsRejected);
            StopTimer();
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
                _pending = rows.Current;
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
        EnrolmentFinished = _finished || _run?.Status == RunStatus.Completed,
    };

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Run {RunId} enrolled its audience: {Rows} rows read, {Rejected} rejected")]
        public static partial void EnrolmentFinished(ILogger logger, string runId, long rows, long rejected);

        [LoggerMessage(2, LogLevel.Information, "Run {RunId} was cancelled: {Count} waiting journey instances cancelled")]
        public static partial void InstancesCancelled(ILogger logger, string runId, int count);
    }
}
