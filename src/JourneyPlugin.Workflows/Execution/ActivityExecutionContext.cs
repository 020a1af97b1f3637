using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Descriptors;
using JourneyPlugin.Workflows.Models;
using JourneyPlugin.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyPlugin.Workflows.Execution;

/// <summary>What an activity sees while it runs, with the members of Elsa's context of the same name.</summary>
public sealed class ActivityExecutionContext
{
    private readonly Dictionary<Input, object?> _inputValues = [];
    private readonly List<Bookmark> _createdBookmarks = [];
    private readonly InputEvaluator _evaluator;

    internal ActivityExecutionContext(WorkflowExecutionContext workflowExecutionContext, WorkflowActivity activity, string id, JsonObject properties, IReadOnlyDictionary<string, JsonNode?> workflowInput, InputEvaluator evaluator)
    {
        _evaluator = evaluator;
        WorkflowExecutionContext = workflowExecutionContext;
        Activity = activity.Activity;
        ActivityDescriptor = activity.Descriptor;
        Id = id;
        Properties = properties;
        WorkflowInput = workflowInput;
    }

    /// <summary>The activity instance id.</summary>
    public string Id { get; }

    /// <summary>The activity.</summary>
    public IActivity Activity { get; }

    /// <summary>Its type's descriptor.</summary>
    public ActivityDescriptor ActivityDescriptor { get; }

    /// <summary>The journey instance.</summary>
    public WorkflowExecutionContext WorkflowExecutionContext { get; }

    private ActivityPorts Ports => ActivityPorts.Of(Activity, ActivityDescriptor);

    /// <summary>Running until completed.</summary>
    public ActivityStatus Status { get; private set; }

    /// <summary>The outcomes it completed with.</summary>
    public IReadOnlyList<string> Outcomes { get; private set; } = [];

    /// <summary>A note kept in the instance's history with the outcome (e.g. why a send failed).</summary>
    public string? JournalMessage { get; set; }

    /// <summary>
    /// The input of this burst: the workflow input when the journey starts, the resume input
    /// (e.g. the customer's reply) when a bookmark is resumed.
    /// </summary>
    public IReadOnlyDictionary<string, JsonNode?> WorkflowInput { get; }

    /// <summary>Data kept with the activity instance across its waits.</summary>
    public JsonObject Properties { get; }

    /// <summary>The bookmarks this execution created.</summary>
    public IReadOnlyList<Bookmark> CreatedBookmarks => _createdBookmarks;

    /// <summary>Cancels when the host stops.</summary>
    public CancellationToken CancellationToken => WorkflowExecutionContext.CancellationToken;

    /// <summary>The clock.</summary>
    public TimeProvider Clock => WorkflowExecutionContext.Clock;

    /// <summary>A service of the host.</summary>
    public T GetRequiredService<T>()
        where T : notnull => WorkflowExecutionContext.Services.GetRequiredService<T>();

    /// <summary>A service of the host, if registered.</summary>
    public T? GetService<T>() => WorkflowExecutionContext.Services.GetService<T>();

    /// <summary>The evaluated value of <paramref name="input"/>; default when the file gives none.</summary>
    public T? Get<T>(Input<T>? input) =>
        input is not null && _inputValues.TryGetValue(input, out var value) && value is not null ? (T)value : default;

    /// <summary>Sets <paramref name="output"/>, and its variable when it is bound to one.</summary>
    public void Set<T>(Output<T>? output, T? value)
    {
        if (output is null)
        {
            return;
        }

        var name = Ports.NameOf(output)
            ?? throw new ArgumentException("The output does not belong to this activity.", nameof(output));
        var json = ValueConverter.ToJson(value);
        var state = WorkflowExecutionContext.State;
        if (!state.Outputs.TryGetValue(Activity.Id, out var outputs))
        {
            state.Outputs[Activity.Id] = outputs = new(StringComparer.Ordinal);
        }

        outputs[name] = json;
        if (output.VariableId is { } variableId)
        {
            var variable = WorkflowExecutionContext.Workflow.VariableNames.GetValueOrDefault(variableId, variableId);
            state.Variables[variable] = json?.DeepClone();
        }
    }

    /// <summary>Sets the <c>Result</c> output of an <see cref="Activity{T}"/>.</summary>
    public void SetResult(object? value)
    {
        var result = Activity.GetType().GetProperty("Result")?.GetValue(Activity) as Output
            ?? throw new InvalidOperationException($"{Activity.Type} has no Result output.");
        typeof(ActivityExecutionContext).GetMethod(nameof(Set))!.MakeGenericMethod(result.ValueType).Invoke(this, [result, value]);
    }

    /// <summary>A value of the workflow input (or resume input).</summary>
    public T? GetWorkflowInput<T>(string key) => TryGetWorkflowInput<T>(key, out var value) ? value : default;

    /// <summary>A value of the workflow input (or resume input), if present.</summary>
    public bool TryGetWorkflowInput<T>(string key, out T? value)
    {
        if (WorkflowInput.TryGetValue(key, out var node) && node is not null)
        {
            value = (T?)ValueConverter.Convert(node, typeof(T));
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A variable's value by name.</summary>
    public T? GetVariable<T>(string name) =>
        WorkflowExecutionContext.State.Variables.TryGetValue(name, out var node) ? (T?)ValueConverter.Convert(node, typeof(T)) : default;

    /// <summary>Sets a variable by name.</summary>
    public void SetVariable(string name, object? value) =>
        WorkflowExecutionContext.State.Variables[name] = ValueConverter.ToJson(value);

    /// <summary>Creates a bookmark; the activity suspends until it is resumed.</summary>
    public Bookmark CreateBookmark(CreateBookmarkArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var callbackName = args.Callback is null ? null : CallbackName(args.Callback);
        var name = args.BookmarkName ?? Activity.Type;
        var payload = ValueConverter.ToJson(args.Stimulus);
        var bookmark = new Bookmark
        {
            Id = WorkflowExecutionContext.NextId($"{WorkflowExecutionContext.InstanceId}:bookmark"),
            Name = name,
            Hash = StimulusHasher.Hash(name, payload, args.IncludeActivityInstanceId ? Id : null),
            Payload = payload,
            ActivityId = Activity.Id,
            ActivityInstanceId = Id,
            CreatedAt = Clock.GetUtcNow(),
            ResumeAt = args.ResumeAt,
            CallbackMethodName = callbackName,
            AutoBurn = args.AutoBurn,
            AutoComplete = args.AutoComplete,
            Metadata = args.Metadata,
        };
        _createdBookmarks.Add(bookmark);
        WorkflowExecutionContext.State.Bookmarks.Add(bookmark);
        return bookmark;
    }

    /// <summary>Creates a bookmark resumed by <paramref name="stimulus"/>.</summary>
    public Bookmark CreateBookmark(object stimulus, ExecuteActivityDelegate? callback = null, bool includeActivityInstanceId = true) =>
        CreateBookmark(new CreateBookmarkArgs { Stimulus = stimulus, Callback = callback, IncludeActivityInstanceId = includeActivityInstanceId });

    /// <summary>Creates a timer bookmark that the clock resumes after <paramref name="delay"/>.</summary>
    public Bookmark DelayFor(TimeSpan delay, ExecuteActivityDelegate? callback = null) =>
        CreateBookmark(new CreateBookmarkArgs
        {
            BookmarkName = "Elsa.Delay",
            Stimulus = new { resumeAt = Clock.GetUtcNow() + delay },
            Callback = callback,
            ResumeAt = Clock.GetUtcNow() + delay,
        });

    /// <summary>Completes with <c>Done</c>.</summary>
    public ValueTask CompleteActivityAsync() => CompleteActivityWithOutcomesAsync(Models.Outcomes.Done);

    /// <summary>Completes with <paramref name="outcomes"/>; the flowchart follows the connections of those ports.</summary>
    public ValueTask CompleteActivityWithOutcomesAsync(params string[] outcomes)
    {
        if (Status == ActivityStatus.Completed)
        {
            return ValueTask.CompletedTask;
        }

        Status = ActivityStatus.Completed;
        Outcomes = outcomes.Length == 0 ? [Models.Outcomes.Done] : outcomes;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Evaluates an input now, with the current variables: for inputs marked <c>AutoEvaluate = false</c>,
    /// which the activity evaluates itself (e.g. to turn a template error into an outcome).
    /// </summary>
    /// <exception cref="Expressions.TemplateRenderException">A template broke a limit or has an error.</exception>
    /// <exception cref="ActivityInputException">The value cannot be read as the input's type.</exception>
    public async ValueTask<T?> EvaluateAsync<T>(Input<T>? input)
    {
        if (input is null)
        {
            return default;
        }

        var name = Ports.NameOf(input) ?? "input";
        var value = await EvaluateAsync(input, name, WorkflowExecutionContext.CreateExpressionModel()).ConfigureAwait(false);
        return value is null ? default : (T)value;
    }

    internal async ValueTask EvaluateInputsAsync()
    {
        var model = WorkflowExecutionContext.CreateExpressionModel();
        foreach (var (input, name) in Ports.AutoEvaluated)
        {
            _inputValues[input] = await EvaluateAsync(input, name, model).ConfigureAwait(false);
        }
    }

    private async ValueTask<object?> EvaluateAsync(Input input, string name, Expressions.ExpressionModel model)
    {
        try
        {
            return await _evaluator.EvaluateAsync(input, model, WorkflowExecutionContext.State, CancellationToken).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            throw new ActivityInputException(name, e.Message, e);
        }
    }

    private string CallbackName(ExecuteActivityDelegate callback)
    {
        var method = callback.Method;
        if (!ReferenceEquals(callback.Target, Activity) || method.IsDefined(typeof(CompilerGeneratedAttribute)) || method.Name.Contains('<', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A bookmark callback must be a named instance method of {Activity.GetType().Name}: its name is persisted.", nameof(callback));
        }

        return method.Name;
    }

    internal static MethodInfo? FindCallback(Type activityType, string name) =>
        activityType.GetMethod(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(ActivityExecutionContext)]);
}
