using System.Text.Json.Nodes;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Runtime.Grains;

/// <summary>
/// Runs one journey instance. The state lives in <see cref="IJourneyInstanceStore"/>, saved by a
/// <see cref="JourneyInstanceSession"/>; the grain holds it only while it works and asks to be
/// deactivated as soon as the instance waits or ends.
/// </summary>
internal sealed partial class JourneyInstanceGrain(
    IJourneyInstanceStore store,
    IRunStore runs,
    IConversationStore conversations,
    IJourneyDefinitionProvider definitions,
    WorkflowRunner runner,
    TimeProvider clock,
    InstancesInBatch inBatch,
    ILogger<JourneyInstanceGrain> logger) : Grain, IJourneyInstanceGrain
{
    private JourneyInstanceSession? _session;
    private bool _justLoaded;

    /// <summary>Whether the last read happened while a campaign batch ran the instance: what it read may be a step of that burst, not its end.</summary>
    private bool _readDuringBatch;

    /// <summary>The instance's state while the grain holds one.</summary>
    private WorkflowState? State => _session?.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<JourneyInstanceSnapshot> StartAsync(JourneyStartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await RefreshAsync();
        if (State is not null)
        {
            // Enrolling the same customer twice is harmless.
            return Snapshot(State);
        }

        var workflow = await definitions.FindAsync(request.DefinitionId)
            ?? throw new InvalidOperationException($"there is no journey '{request.DefinitionId}'");
        var state = runner.CreateInstance(workflow, new WorkflowStartRequest
        {
            InstanceId = this.GetPrimaryKeyString(),
            RunId = request.RunId,
            CorrelationId = request.CustomerKey,
            Customer = JsonNode.Parse(request.CustomerJson) as JsonObject,
            Input = JourneyInstanceSession.ParseInput(request.InputJson),
        });
        _session = new(store, conversations, runner, clock, logger, workflow, state, stored: null);

        // The enrolment is durable, and counted with it, before the first step runs.
        await _session.EnrolAsync();
        await runner.RunAsync(workflow, state, _session);
        await EndBurstAsync(wasDone: false);
        return Snapshot(state) with { Created = true };
    }

    public async Task<int> ResumeAsync(string bookmarkHash, string inputJson)
    {
        await RefreshAsync();
        if (!await EnsureWorkflowAsync() || await CancelIfRunCancelledAsync(await RunStatusAsync()))
        {
            return 0;
        }

        var wasDone = _session!.IsDone;
        var resumed = await runner.ResumeByHashAsync(_session.Workflow!, State!, bookmarkHash, JourneyInstanceSession.ParseInput(inputJson), _session);
        if (resumed > 0)
        {
            await EndBurstAsync(wasDone);
        }

        return resumed;
    }

    public async Task<int> FireDueAsync()
    {
        await RefreshAsync();
        if (!await EnsureWorkflowAsync())
        {
            return 0;
        }

        var run = await RunStatusAsync();
        if (await CancelIfRunCancelledAsync(run))
        {
            return 0;
        }

        if (State!.Status == WorkflowStatus.Running && run == RunStatus.Paused)
        {
            // A burst cut short, usually a first one its campaign had queued when the process stopped:
            // nothing new goes out while the run is paused. It stays due; a scan after the resume runs it.
            Log.HeldWhileRunPaused(logger, JourneyStartRequest.Redact(State.InstanceId));
            DeactivateOnIdle();
            return 0;
        }

        var wasDone = _session!.IsDone;
        var fired = 0;
        if (State!.Status == WorkflowStatus.Running)
        {
            // The process died in the middle of a burst: go on from the last saved step. A Send step
            // that runs again finds its ledger row and does not send twice.
            Log.Recovering(logger, JourneyStartRequest.Redact(State.InstanceId));
            await runner.RunAsync(_session.Workflow!, State, _session);
            fired++;
        }

        fired += await runner.ResumeDueAsync(_session.Workflow!, State, _session);
        if (fired > 0)
        {
            await EndBurstAsync(wasDone);
        }

        return fired;
    }

    public async Task<bool> CancelAsync()
    {
        await RefreshAsync();
        return await CancelInstanceAsync();
    }

    public async Task<JourneyInstanceSnapshot?> GetAsync()
    {
        await RefreshAsync();
        return State is null ? null : Snapshot(State);
    }

    private async Task<bool> CancelInstanceAsync()
    {
        if (State is null || State.Status is not (WorkflowStatus.Suspended or WorkflowStatus.Running))
        {
            return false;
        }

        // Between bursts (grain calls do not interleave), so no step is half done: a send either has
        // its ledger row or was never attempted. Without bookmarks, no reply, timer or settlement can
        // resume the instance, and the saved row leaves the bookmark index and the timeout table. A
        // campaign batch's first burst still under way stops at its next save, which finds this one.
        State.Status = WorkflowStatus.Cancelled;
        State.Bookmarks.Clear();
        State.Scheduled.Clear();
        State.UpdatedAt = clock.GetUtcNow();
        await _session!.SaveAsync([]);
        Log.Cancelled(logger, JourneyStartRequest.Redact(State.InstanceId));
        DeactivateOnIdle();
        return true;
    }

    /// <summary>
    /// Reads the instance again unless it was just read: only when it held none or a running one, or read
    /// it while a campaign batch ran it. A batch creates instances and runs their first burst without their
    /// grain (see <see cref="CampaignBatchStarter"/>), saving on the way (a wait, then what a held
    /// reply did to it), so a grain woken before or during that burst holds what is no longer stored; what a
    /// grain holds between its own bursts is what it saved.
    /// </summary>
    private async Task RefreshAsync()
    {
        if (!_justLoaded && (State is null || State.Status == WorkflowStatus.Running || _readDuringBatch))
        {
            await LoadAsync(CancellationToken.None);
        }

        _justLoaded = false;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();

        // Asked before the read: a batch lets go of an instance only after its last save.
        _readDuringBatch = inBatch.Contains(id);
        var stored = await store.GetAsync(id, cancellationToken);
        _session = stored is null
            ? null
            : new(store, conversations, runner, clock, logger, await definitions.FindAsync(stored.DefinitionId, cancellationToken), WorkflowState.FromJson(stored.StateJson), stored);
        _justLoaded = true;
    }

    /// <summary>Whether the instance exists and its journey is loaded (it may be registered after the grain woke up).</summary>
    private async ValueTask<bool> EnsureWorkflowAsync()
    {
        if (_session is not null && _session.Workflow is null)
        {
            _session.Workflow = await definitions.FindAsync(State!.DefinitionId);
        }

        return _session?.Workflow is not null;
    }

    /// <summary>The status of the instance's run while the instance is active and belongs to one; otherwise <see langword="null"/>.</summary>
    private async ValueTask<RunStatus?> RunStatusAsync() =>
        State?.RunId is { } runId && State.Status is WorkflowStatus.Suspended or WorkflowStatus.Running
            ? (await runs.GetAsync(runId))?.Status
            : null;

    /// <summary>
    /// Cancels the instance when its run was cancelled: the run cancels its instances one by one, and
    /// a reply or timer that reaches one before its turn must not send anything.
    /// </summary>
    private async ValueTask<bool> CancelIfRunCancelledAsync(RunStatus? run) =>
        run == RunStatus.Cancelled && await CancelInstanceAsync();

    /// <summary>Saves the burst and, once the instance waits or ends, frees the memory: the next reply or timer reactivates the grain from storage.</summary>
    private async Task EndBurstAsync(bool wasDone)
    {
        await _session!.EndBurstAsync(wasDone);
        if (State!.Status is not WorkflowStatus.Running)
        {
            DeactivateOnIdle();
        }
    }

    private static JourneyInstanceSnapshot Snapshot(WorkflowState state) => new()
    {
        InstanceId = state.InstanceId,
        Status = state.Status.ToString(),
        Fault = state.Fault?.Message,
        NextDueAt = state.NextDueAt,
        Steps = state.History.Count,
    };

    private static partial class Log
    {
        [LoggerMessage(2, LogLevel.Warning, "Journey instance {InstanceId} was interrupted in the middle of a step and goes on from its last saved step")]
        public static partial void Recovering(ILogger logger, string instanceId);

        [LoggerMessage(3, LogLevel.Debug, "Journey instance {InstanceId} was cancelled")]
        public static partial void Cancelled(ILogger logger, string instanceId);

        [LoggerMessage(4, LogLevel.Debug, "Journey instance {InstanceId} goes on from its last saved step once its run is resumed")]
        public static partial void HeldWhileRunPaused(ILogger logger, string instanceId);
    }
}
