using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.Workflows.Execution;

/// <summary>
/// Everything about one journey instance that must survive a restart, as plain serialisable data.
/// The interpreter changes it in place; the runtime persists it.
/// </summary>
public sealed class WorkflowState
{
    /// <summary>The <see cref="IdVersion"/> of instances created now.</summary>
    public const int CurrentIdVersion = 1;

    /// <summary>The instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The journey's definition id.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>The definition version the instance runs.</summary>
    public int DefinitionVersion { get; init; }

    /// <summary>The campaign run that enrolled the instance; null for an event-triggered one.</summary>
    public string? RunId { get; init; }

    /// <summary>Correlates the instance with the outside, e.g. the customer id.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>Where the instance is.</summary>
    public WorkflowStatus Status { get; set; }

    /// <summary>The customer profile templates see as <c>customer</c>.</summary>
    public JsonObject Customer { get; init; } = [];

    /// <summary>The workflow input templates see as <c>Input</c>.</summary>
    public Dictionary<string, JsonNode?> Input { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Variable values by variable name.</summary>
    public Dictionary<string, JsonNode?> Variables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The last output values per activity id and output name.</summary>
    public Dictionary<string, Dictionary<string, JsonNode?>> Outputs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Open bookmarks.</summary>
    public List<Bookmark> Bookmarks { get; init; } = [];

    /// <summary>Suspended activity instances by instance id.</summary>
    public Dictionary<string, ActivityInstanceState> ActivityInstances { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Activities due to run (empty between bursts unless a burst was interrupted).</summary>
    public List<ScheduledActivity> Scheduled { get; init; } = [];

    /// <summary>The most recent steps, oldest first, at most <see cref="Runtime.WorkflowRunnerOptions.HistoryLimit"/>.</summary>
    public List<ActivityRecord> History { get; init; } = [];

    /// <summary>Why the instance faulted.</summary>
    public WorkflowFault? Fault { get; set; }

    /// <summary>
    /// The rules for ids derived from the state (a Send step's message id) the instance was created
    /// under; 0 for instances created before it was kept. A step re-executed after an upgrade derives
    /// the id its instance had, so that what it did before is found and not done twice.
    /// </summary>
    public int IdVersion { get; init; }

    /// <summary>A counter for deterministic ids.</summary>
    public long Sequence { get; set; }

    /// <summary>When the instance started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the instance last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The earliest time a bookmark of this instance is due, if any.</summary>
    public DateTimeOffset? NextDueAt => Bookmarks.Where(b => b.ResumeAt is not null).Min(b => b.ResumeAt);

    /// <summary>Reads a state that <see cref="ToJson"/> wrote.</summary>
    /// <exception cref="JsonException"><paramref name="json"/> is not a journey instance's state.</exception>
    public static WorkflowState FromJson(string json) =>
        JsonSerializer.Deserialize(json, WorkflowStateJsonContext.Default.WorkflowState) ?? throw new JsonException("A journey instance's state cannot be null.");

    /// <summary>The state as the store keeps it: <see cref="JsonSerializer"/>'s default JSON for this type.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, WorkflowStateJsonContext.Default.WorkflowState);
}
