using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Workflows.Runtime;

/// <summary>
/// The flowchart interpreter. Runs an instance from its start node, follows outcomes along
/// connections, suspends on bookmarks, and resumes on a stimulus or a due timer. All it knows of
/// an instance is in <see cref="WorkflowState"/>, which it changes in place; given the same inputs
/// and clock, it makes the same changes.
/// </summary>
public sealed partial class WorkflowRunner
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> NoInput = new Dictionary<string, JsonNode?>();

    private readonly InputEvaluator _evaluator;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly WorkflowRunnerOptions _options;
    private readonly ILogger<WorkflowRunner> _logger;

    internal WorkflowRunner(InputEvaluator evaluator, IServiceProvider services, TimeProvider clock, IOptions<WorkflowRunnerOptions> options, ILogger<WorkflowRunner> logger)
    {
        _evaluator = evaluator;
        _services = services;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Creates a new instance of <paramref name="workflow"/> with its start node scheduled, without running it.</summary>
    public WorkflowState CreateInstance(Workflow workflow, WorkflowStartRequest request)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(request);
        var now = _clock.GetUtcNow();
        var state = new WorkflowState
        {
            InstanceId = request.InstanceId,
            DefinitionId = workflow.DefinitionId,
            DefinitionVersion = workflow.Definition.Version,
            RunId = request.RunId,
            CorrelationId = request.CorrelationId,
            Status = WorkflowStatus.Running,
            Customer = (JsonObject?)request.Customer?.DeepClone() ?? [],
            IdVersion = WorkflowState.CurrentIdVersion,
            CreatedAt = now,
            UpdatedAt = now,
        };

        foreach (var (key, value) in request.Input ?? NoInput)
        {
            state.Input[key] = value?.DeepClone();
        }

        foreach (var variable in workflow.Definition.Variables)
        {
            state.Variables[variable.Name] = variable.Value?.DeepClone();
        }

        if (workflow.StartActivityId is { } start)
        {
            state.Scheduled.Add(new ScheduledActivity(start));
        }

        return state;
    }

    /// <summary>Creates an instance and runs it until it finishes or waits.</summary>
    public async Task<WorkflowState> StartAsync(Workflow workflow, WorkflowStartRequest request, CancellationToken cancellationToken = default)
    {
        var state = CreateInstance(workflow, request);
        await RunAsync(workflow, state, null, cancellationToken).ConfigureAwait(false);
        return state;
    }

    /// <summary>Runs the scheduled activities of <paramref name="state"/> until it finishes or waits.</summary>
    public Task RunAsync(Workflow workflow, WorkflowState state, IWorkflowStepListener? listener = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(state);
        state.Status = WorkflowStatus.Running;
        return RunScheduledAsync(Context(workflow, state, listener, cancellationToken), state.Input);
    }

    /// <summary>Resumes one bookmark with <paramref name="input"/> (e.g. the customer's reply); false when the instance has no such bookmark.</summary>
    public async Task<bool> ResumeAsync(Workflow workflow, WorkflowState state, string bookmarkId, IReadOnlyDictionary<string, JsonNode?>? input = null, IWorkflowStepListener? listener = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(state);
        var bookmark = state.Bookmarks.FirstOrDefault(b => b.Id == bookmarkId);
        if (bookmark is null || state.Status is not (WorkflowStatus.Suspended or WorkflowStatus.Running))
        {
            return false;
        }

        state.Status = WorkflowStatus.Running;
        var context = Context(workflow, state, listener, cancellationToken);
        await ResumeBookmarkAsync(context, bookmark, input ?? NoInput).ConfigureAwait(false);
        await RunScheduledAsync(context, input ?? NoInput).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Resumes the bookmarks created for <paramref name="stimulus"/> under <paramref name="name"/>
    /// without an activity instance id (waits resumed from outside); returns how many were resumed.
    /// </summary>
    public Task<int> ResumeByStimulusAsync(Workflow workflow, WorkflowState state, string name, object? stimulus, IReadOnlyDictionary<string, JsonNode?>? input = null, IWorkflowStepListener? listener = null, CancellationToken cancellationToken = default) =>
        ResumeByHashAsync(workflow, state, StimulusHasher.Hash(name, ValueConverter.ToJson(stimulus)), input, listener, cancellationToken);

    /// <summary>Resumes the bookmarks whose hash is <paramref name="hash"/>; returns how many were resumed.</summary>
    public async Task<int> ResumeByHashAsync(Workflow workflow, WorkflowState state, string hash, IReadOnlyDictionary<string, JsonNode?>? input = null, IWorkflowStepListener? listener = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var resumed = 0;
        foreach (var bookmark in state.Bookmarks.Where(b => b.Hash == hash).ToList())
        {
            if (await ResumeAsync(workflow, state, bookmark.Id, input, listener, cancellationToken).ConfigureAwait(false))
            {
                resumed++;
            }
        }

        return resumed;
    }

    /// <summary>Resumes every timer bookmark due by now (delays, reply timeouts); returns how many fired.</summary>
    public async Task<int> ResumeDueAsync(Workflow workflow, WorkflowState state, IWorkflowStepListener? listener = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = _clock.GetUtcNow();
        var fired = 0;
        foreach (var bookmark in state.Bookmarks.Where(b => b.ResumeAt <= now).OrderBy(b => b.ResumeAt).ToList())
        {
            // An earlier resume in this loop may have completed the activity and removed this bookmark.
            if (state.Bookmarks.Contains(bookmark) && await ResumeAsync(workflow, state, bookmark.Id, null, listener, cancellationToken).ConfigureAwait(false))
            {
                fired++;
            }
        }

        return fired;
    }

    private WorkflowExecutionContext Context(Workflow workflow, WorkflowState state, IWorkflowStepListener? listener, CancellationToken cancellationToken) =>
        new(workflow, state, _services, _clock, cancellationToken) { Listener = listener };

    private async Task RunScheduledAsync(WorkflowExecutionContext context, IReadOnlyDictionary<string, JsonNode?> input)
    {
        var state = context.State;
        var steps = 0;
        while (state.Status == WorkflowStatus.Running && state.Scheduled.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (++steps > _options.MaxStepsPerBurst)
            {
                Fault(state, state.Scheduled[0].ActivityId, $"ran more than {_options.MaxStepsPerBurst} steps without waiting; does a loop lack a wait?");
                break;
            }

            var next = state.Scheduled[0];
            state.Scheduled.RemoveAt(0);
            if (!context.Workflow.Activities.TryGetValue(next.ActivityId, out var activity))
            {
                continue;
            }

            var execution = new ActivityExecutionContext(context, activity, context.NextId(activity.Node.Id), [], input, _evaluator);
            await ExecuteAsync(context, activity, execution, bookmark: null).ConfigureAwait(false);
        }

        if (state.Status == WorkflowStatus.Running)
        {
            state.Status = state.Bookmarks.Count > 0 ? WorkflowStatus.Suspended : WorkflowStatus.Finished;
        }

        state.UpdatedAt = _clock.GetUtcNow();
        Log.BurstEnded(_logger, state.InstanceId, state.Status, steps);
    }

    private async Task ResumeBookmarkAsync(WorkflowExecutionContext context, Bookmark bookmark, IReadOnlyDictionary<string, JsonNode?> input)
    {
        var state = context.State;
        if (!context.Workflow.Activities.TryGetValue(bookmark.ActivityId, out var activity))
        {
            state.Bookmarks.Remove(bookmark);
            Fault(state, bookmark.ActivityId, $"the activity '{bookmark.ActivityId}' waiting here is no longer in the journey");
            return;
        }

        if (bookmark.AutoBurn)
        {
            state.Bookmarks.Remove(bookmark);
        }

        var properties = state.ActivityInstances.TryGetValue(bookmark.ActivityInstanceId, out var instance) ? instance.Properties : [];
        var execution = new ActivityExecutionContext(context, activity, bookmark.ActivityInstanceId, properties, input, _evaluator);
        await ExecuteAsync(context, activity, execution, bookmark).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(WorkflowExecutionContext context, WorkflowActivity activity, ActivityExecutionContext execution, Bookmark? bookmark)
    {
        var state = context.State;
        try
        {
            await execution.EvaluateInputsAsync().ConfigureAwait(false);
            if (bookmark is null)
            {
                await activity.Activity.ExecuteAsync(execution).ConfigureAwait(false);
                if (activity.Activity is CodeActivity && execution.CreatedBookmarks.Count == 0)
                {
                    await execution.CompleteActivityAsync().ConfigureAwait(false);
                }
            }
            else if (bookmark.CallbackMethodName is { } callbackName)
            {
                var callback = ActivityExecutionContext.FindCallback(activity.Activity.GetType(), callbackName)
                    ?? throw new InvalidOperationException($"{activity.Activity.GetType().Name} has no method {callbackName} to resume with");
                await ((ValueTask)callback.Invoke(activity.Activity, [execution])!).ConfigureAwait(false);
            }
            else if (bookmark.AutoComplete)
            {
                await execution.CompleteActivityAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing step faults its instance, never the host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.StepFailed(_logger, state.InstanceId, activity.Node.Id, activity.Descriptor.TypeName, e);
            Fault(state, activity.Node.Id, $"step '{activity.Node.Name ?? activity.Node.Id}' ({activity.Descriptor.TypeName}) failed: {e.Message}");
            return;
        }

        if (execution.Status == ActivityStatus.Completed)
        {
            Completed(context, activity, execution);
            if (context.Listener is { } listener)
            {
                await listener.OnStepCompletedAsync(state, state.History[^1], context.CancellationToken).ConfigureAwait(false);
            }
        }
        else if (state.Bookmarks.Any(b => b.ActivityInstanceId == execution.Id))
        {
            state.ActivityInstances[execution.Id] = new ActivityInstanceState { Id = execution.Id, ActivityId = activity.Node.Id, Properties = execution.Properties };
            Record(state, activity, [], execution.JournalMessage);
        }
        else
        {
            Fault(state, activity.Node.Id, $"step '{activity.Node.Name ?? activity.Node.Id}' ({activity.Descriptor.TypeName}) neither completed nor waits for anything");
        }
    }

    private void Completed(WorkflowExecutionContext context, WorkflowActivity activity, ActivityExecutionContext execution)
    {
        var state = context.State;

        // Completing removes every bookmark of the activity instance (the losing timeout, the other wait).
        state.Bookmarks.RemoveAll(b => b.ActivityInstanceId == execution.Id);
        state.ActivityInstances.Remove(execution.Id);
        Record(state, activity, execution.Outcomes, execution.JournalMessage);

        if (context.IsFinishing)
        {
            state.Scheduled.Clear();
            state.Bookmarks.Clear();
            state.ActivityInstances.Clear();
            state.Status = WorkflowStatus.Finished;
            return;
        }

        foreach (var outcome in execution.Outcomes)
        {
            foreach (var target in context.Workflow.Next(activity.Node.Id, outcome))
            {
                state.Scheduled.Add(new ScheduledActivity(target));
            }
        }
    }

    private void Record(WorkflowState state, WorkflowActivity activity, IReadOnlyList<string> outcomes, string? message)
    {
        state.History.Add(new ActivityRecord(activity.Node.Id, activity.Descriptor.TypeName, outcomes, _clock.GetUtcNow(), message));
        if (state.History.Count > _options.HistoryLimit)
        {
            state.History.RemoveRange(0, state.History.Count - _options.HistoryLimit);
        }
    }

    private void Fault(WorkflowState state, string? activityId, string message)
    {
        state.Status = WorkflowStatus.Faulted;
        state.Fault = new WorkflowFault(activityId, message, _clock.GetUtcNow());
        state.Scheduled.Clear();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Journey instance {InstanceId} is {Status} after {Steps} steps")]
        public static partial void BurstEnded(ILogger logger, string instanceId, WorkflowStatus status, int steps);

        [LoggerMessage(2, LogLevel.Warning, "Journey instance {InstanceId}: step {ActivityId} ({ActivityType}) failed")]
        public static partial void StepFailed(ILogger logger, string instanceId, string activityId, string activityType, Exception exception);
    }
}
