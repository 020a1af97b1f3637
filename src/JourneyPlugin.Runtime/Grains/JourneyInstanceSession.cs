using System.Text.Json.Nodes;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Runtime.Grains;

/// <summary>
/// One owner's hold on a journey instance while it runs steps: saves the state after every step
/// that a later step's side effects must not repeat and at the end of every burst, with the funnel
/// counts of what it saved, and delivers replies held for the waits a burst ended on. Its owner is
/// the instance's grain, or a campaign batch for the first burst of the instances it enrols.
/// </summary>
internal sealed partial class JourneyInstanceSession : IWorkflowStepListener
{
    /// <summary>Funnel counts of completed steps whose records are not saved yet.</summary>
    private readonly List<FunnelIncrement> _unsaved = [];
    private readonly IJourneyInstanceStore _store;
    private readonly IConversationStore _conversations;
    private readonly WorkflowRunner _runner;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private StoredInstance? _stored;

    public JourneyInstanceSession(
        IJourneyInstanceStore store,
        IConversationStore conversations,
        WorkflowRunner runner,
        TimeProvider clock,
        ILogger logger,
        Workflow? workflow,
        WorkflowState state,
        StoredInstance? stored)
    {
        _store = store;
        _conversations = conversations;
        _runner = runner;
        _clock = clock;
        _logger = logger;
        Workflow = workflow;
        State = state;
        _stored = stored;
    }

    /// <summary>The instance's journey; <see langword="null"/> while it is not registered (the state can still be saved, e.g. cancelled).</summary>
    public Workflow? Workflow { get; set; }

    public WorkflowState State { get; }

    /// <summary>Whether the instance has not been saved yet.</summary>
    public bool IsNew => _stored is null;

    public bool IsDone => State.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted;

    public ValueTask OnStepCompletedAsync(WorkflowState state, ActivityRecord record, CancellationToken cancellationToken)
    {
        if (state.RunId is { } runId)
        {
            _unsaved.AddRange(FunnelSteps.For(runId, state, record));
        }

        // A step is saved before the next step's side effects, so none is repeated after a crash. Two
        // kinds need no save of their own (the next save takes their counts, in the same transaction
        // as their record): an idempotent step (Start, a decision, a Send guarded by its ledger row),
        // which a crash before the next save harmlessly runs again (the instance was saved running,
        // due at once, when it was enrolled); and a step that ended or suspended the instance,
        // which the end of the burst saves right after, with nothing run in between.
        if (state.Status != WorkflowStatus.Running || Workflow!.Activities.GetValueOrDefault(record.ActivityId)?.Activity is IIdempotentActivity)
        {
            return ValueTask.CompletedTask;
        }

        return new ValueTask(SaveAsync([], cancellationToken));
    }

    /// <summary>Saves a new instance with its enrolment counted, before its first step runs.</summary>
    /// <exception cref="ConcurrencyConflictException">The instance exists already.</exception>
    public Task EnrolAsync() => SaveAsync(EnrolmentFunnel(State.RunId));

    /// <summary>Saves the state after a burst, delivers held replies, and counts the instance as completed once.</summary>
    public async Task EndBurstAsync(bool wasDone)
    {
        await SaveAsync(!wasDone && State.RunId is { } runId && IsDone ? [new FunnelIncrement(runId, null, FunnelCounter.Completed)] : []);

        // A reply that came before this wait existed was held for it.
        var doneBeforeHeld = IsDone;
        var delivered = false;
        foreach (var hash in _stored!.WaitingOn)
        {
            foreach (var held in await _conversations.TakeHeldRepliesAsync(hash, _clock.GetUtcNow()))
            {
                Log.HeldReplyDelivered(_logger, JourneyStartRequest.Redact(State.InstanceId));
                delivered |= await _runner.ResumeByHashAsync(Workflow!, State, hash, ParseInput(held.ReplyJson), this) > 0;
            }
        }

        if (delivered)
        {
            await EndBurstAsync(doneBeforeHeld);
        }
    }

    /// <summary>Saves the state, with the funnel counts of what it records (and of the steps not saved yet) in the same transaction.</summary>
    public async Task SaveAsync(IReadOnlyList<FunnelIncrement> funnel, CancellationToken cancellationToken = default)
    {
        if (_unsaved.Count > 0)
        {
            funnel = [.. _unsaved, .. funnel];
        }

        var instance = ToStored();
        var version = await _store.SaveAsync(instance, instance.Version, funnel, cancellationToken);
        _stored = instance with { Version = version };

        // Counted now, with the records they count; kept on failure, for the save that will hold those records.
        _unsaved.Clear();
    }

    /// <summary>The row that saves the state now, with the version it was read at (0 while it is new).</summary>
    public StoredInstance ToStored()
    {
        var state = State;
        var now = _clock.GetUtcNow();
        return new StoredInstance(
            state.InstanceId,
            state.DefinitionId,
            state.RunId,
            state.CorrelationId ?? state.InstanceId,
            state.Status.ToString(),
            state.ToJson(),
            // A running instance is due at once: if its owner dies mid-burst, the timeout scanner resumes it.
            state.Status == WorkflowStatus.Running ? now : state.NextDueAt,
            state.Bookmarks.Where(b => b.ResumeAt is null).Select(b => b.Hash).Distinct(StringComparer.Ordinal).ToList(),
            _stored?.CreatedAt ?? now,
            now,
            _stored?.Version ?? 0);
    }

    /// <summary>Takes <paramref name="inserted"/>, this instance's row as a batch enrolment inserted it, as its last save.</summary>
    public void Enrolled(StoredInstance inserted) => _stored = inserted with { Version = 1 };

    /// <summary>The funnel counts of a new instance's enrolment.</summary>
    public static IReadOnlyList<FunnelIncrement> EnrolmentFunnel(string? runId) =>
        runId is null ? [] : [new FunnelIncrement(runId, null, FunnelCounter.Enrolled)];

    public static Dictionary<string, JsonNode?>? ParseInput(string json) =>
        JsonNode.Parse(json) is JsonObject input ? input.ToDictionary(p => p.Key, p => p.Value?.DeepClone()) : null;

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Journey instance {InstanceId} took a reply that arrived before its wait")]
        public static partial void HeldReplyDelivered(ILogger logger, string instanceId);
    }
}
