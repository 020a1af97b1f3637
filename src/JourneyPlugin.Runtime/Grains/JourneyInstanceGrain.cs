using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Runtime.Grains;

/// <summary>
/// Runs one journey instance. The state lives in <see cref="IJourneyInstanceStore"/>, saved after
/// every completed step that a later step's side effects must not repeat and at the end of every
/// burst; the grain holds it only while it works and asks to be deactivated as soon as the instance
/// waits or ends.
/// </summary>
internal sealed partial class JourneyInstanceGrain(
    IJourneyInstanceStore store,
    IRunStore runs,
    IConversationStore conversations,
    IJourneyDefinitionProvider definitions,
    WorkflowRunner runner,
    TimeProvider clock,
    ILogger<JourneyInstanceGrain> logger) : Grain, IJourneyInstanceGrain, IWorkflowStepListener
{
    /// <summary>Funnel counts of completed steps whose records are not saved yet.</summary>
    private readonly List<FunnelIncrement> _unsaved = [];
    private StoredInstance? _stored;
    private WorkflowState? _state;
    private Workflow? _workflow;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _stored = await store.GetAsync(this.GetPrimaryKeyString(), cancellationToken);
        if (_stored is not null)
        {
            _state = JsonSerializer.Deserialize<WorkflowState>(_stored.StateJson);
            _workflow = await definitions.FindAsync(_stored.DefinitionId, cancellationToken);
        }
    }

    public async Task<JourneyInstanceSnapshot> StartAsync(JourneyStartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_state is not null)
        {
            // Enrolling the same customer twice is harmless.
            return Snapshot(_state);
        }

        _workflow = await definitions.FindAsync(request.DefinitionId)
            ?? throw new InvalidOperationException($"there is no journey '{request.DefinitionId}'");
        _state = runner.CreateInstance(_workflow, new WorkflowStartRequest
        {
            InstanceId = this.GetPrimaryKeyString(),
            RunId = request.RunId,
            CorrelationId = request.CustomerKey,
            Customer = JsonNode.Parse(request.CustomerJson) as JsonObject,
            Input = ParseInput(request.InputJson),
        });

        // The enrolment is durable, and counted with it, before the first step runs.
        await SaveAsync(request.RunId is { } runId ? [new FunnelIncrement(runId, null, FunnelCounter.Enrolled)] : []);

        await runner.RunAsync(_workflow, _state, this);
        await EndBurstAsync(wasDone: false);
        return Snapshot(_state) with { Created = true };
    }

    public async Task<int> ResumeAsync(string bookmarkHash, string inputJson)
    {
        if (!await EnsureWorkflowAsync() || await CancelIfRunCancelledAsync())
        {
            return 0;
        }

        var wasDone = IsDone(_state!);
        var resumed = await runner.ResumeByHashAsync(_workflow!, _state!, bookmarkHash, ParseInput(inputJson), this);
        if (resumed > 0)
        {
            await EndBurstAsync(wasDone);
        }

        return resumed;
    }

    public async Task<int> FireDueAsync()
    {
        if (!await EnsureWorkflowAsync() || await CancelIfRunCancelledAsync())
        {
            return 0;
        }

        var wasDone = IsDone(_state!);
        var fired = 0;
        if (_state!.Status == WorkflowStatus.Running)
        {
            // The process died in the middle of a burst: go on from the last saved step. A Send step
            // that runs again finds its ledger row and does not send twice.
            Log.Recovering(logger, JourneyStartRequest.Redact(_state.InstanceId));
            await runner.RunAsync(_workflow!, _state, this);
            fired++;
        }

        fired += await runner.ResumeDueAsync(_workflow!, _state, this);
        if (fired > 0)
        {
            await EndBurstAsync(wasDone);
        }

        return fired;
    }

    public async Task<bool> CancelAsync()
    {
        if (_state is null || _state.Status is not (WorkflowStatus.Suspended or WorkflowStatus.Running))
        {
            return false;
        }

        // Between bursts (grain calls do not interleave), so no step is half done: a send either has
        // its ledger row or was never attempted. Without bookmarks, no reply, timer or settlement can
        // resume the instance, and the saved row leaves the bookmark index and the timeout table.
        _state.Status = WorkflowStatus.Cancelled;
        _state.Bookmarks.Clear();
        _state.Scheduled.Clear();
        _state.UpdatedAt = clock.GetUtcNow();
        await SaveAsync([]);
        Log.Cancelled(logger, JourneyStartRequest.Redact(_state.InstanceId));
        DeactivateOnIdle();
        return true;
    }

    public Task<JourneyInstanceSnapshot?> GetAsync() => Task.FromResult(_state is null ? null : Snapshot(_state));

    public async ValueTask OnStepCompletedAsync(WorkflowState state, ActivityRecord record, CancellationToken cancellationToken)
    {
        if (state.RunId is { } runId)
        {
            _unsaved.AddRange(FunnelSteps.For(runId, state, record));
        }

        // A step is saved before the next step's side effects, so none is repeated after a crash. Two
        // kinds need no save of their own (the next save takes their counts, in the same transaction
        // as their record): an idempotent step (Start, a decision, a Send guarded by its ledger row),
        // which a crash before the next save harmlessly runs again (the instance was saved running,
        // due at once, when it was enrolled); and a step that ended or suspended the instance, which
        // the end of the burst saves right after, with nothing run in between.
        if (state.Status != WorkflowStatus.Running || _workflow!.Activities.GetValueOrDefault(record.ActivityId)?.Activity is IIdempotentActivity)
        {
            return;
        }

        await SaveAsync([], cancellationToken);
    }

    /// <summary>Whether the instance exists and its journey is loaded (it may be registered after the grain woke up).</summary>
    private async ValueTask<bool> EnsureWorkflowAsync()
    {
        if (_state is not null && _workflow is null)
        {
            _workflow = await definitions.FindAsync(_state.DefinitionId);
        }

        return _state is not null && _workflow is not null;
    }

    /// <summary>
    /// Cancels the instance when its run was cancelled: the run cancels its instances one by one, and
    /// a reply or timer that reaches one before its turn must not send anything.
    /// </summary>
    private async ValueTask<bool> CancelIfRunCancelledAsync()
    {
        if (_state!.RunId is not { } runId || _state.Status is not (WorkflowStatus.Suspended or WorkflowStatus.Running))
        {
            return false;
        }

        if ((await runs.GetAsync(runId))?.Status != RunStatus.Cancelled)
        {
            return false;
        }

        return await CancelAsync();
    }

    private static bool IsDone(WorkflowState state) => state.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted;

    /// <summary>Saves the state after a burst, delivers held replies, and counts the instance as completed once.</summary>
    private async Task EndBurstAsync(bool wasDone)
    {
        await SaveAsync(!wasDone && _state!.RunId is { } runId && IsDone(_state) ? [new FunnelIncrement(runId, null, FunnelCounter.Completed)] : []);

        // A reply that came before this wait existed was held for it.
        var doneBeforeHeld = IsDone(_state!);
        var delivered = false;
        foreach (var hash in _stored!.WaitingOn)
        {
            foreach (var held in await conversations.TakeHeldRepliesAsync(hash, clock.GetUtcNow()))
            {
                Log.HeldReplyDelivered(logger, JourneyStartRequest.Redact(_state!.InstanceId));
                delivered |= await runner.ResumeByHashAsync(_workflow!, _state!, hash, ParseInput(held.ReplyJson), this) > 0;
            }
        }

        if (delivered)
        {
            await EndBurstAsync(doneBeforeHeld);
            return;
        }

        if (_state!.Status is not WorkflowStatus.Running)
        {
            // Waiting or done: free the memory; the next reply or timer reactivates the grain from storage.
            DeactivateOnIdle();
        }
    }

    /// <summary>Saves the state, with the funnel counts of what it records (and of the steps not saved yet) in the same transaction.</summary>
    private async Task SaveAsync(IReadOnlyList<FunnelIncrement> funnel, CancellationToken cancellationToken = default)
    {
        if (_unsaved.Count > 0)
        {
            funnel = [.. _unsaved, .. funnel];
        }

        var state = _state!;
        var now = clock.GetUtcNow();
        var instance = new StoredInstance(
            state.InstanceId,
            state.DefinitionId,
            state.RunId,
            state.CorrelationId ?? state.InstanceId,
            state.Status.ToString(),
            JsonSerializer.Serialize(state),
            // A running instance is due at once: if the process dies mid-burst, the timeout scanner resumes it.
            state.Status == WorkflowStatus.Running ? now : state.NextDueAt,
            state.Bookmarks.Where(b => b.ResumeAt is null).Select(b => b.Hash).Distinct(StringComparer.Ordinal).ToList(),
            _stored?.CreatedAt ?? now,
            now,
            _stored?.Version ?? 0);
        var version = await store.SaveAsync(instance, instance.Version, funnel, cancellationToken);
        _stored = instance with { Version = version };

        // Counted now, with the records they count; kept on failure, for the save that will hold those records.
        _unsaved.Clear();
    }

    private static Dictionary<string, JsonNode?>? ParseInput(string json) =>
        JsonNode.Parse(json) is JsonObject input ? input.ToDictionary(p => p.Key, p => p.Value?.DeepClone()) : null;

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
        [LoggerMessage(1, LogLevel.Debug, "Journey instance {InstanceId} took a reply that arrived before its wait")]
        public static partial void HeldReplyDelivered(ILogger logger, string instanceId);

        [LoggerMessage(2, LogLevel.Warning, "Journey instance {InstanceId} was interrupted in the middle of a step and goes on from its last saved step")]
        public static partial void Recovering(ILogger logger, string instanceId);

        [LoggerMessage(3, LogLevel.Debug, "Journey instance {InstanceId} was cancelled")]
        public static partial void Cancelled(ILogger logger, string instanceId);
    }
}
