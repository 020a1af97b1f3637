using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Runtime;

/// <summary>What a new journey instance starts with.</summary>
public sealed record WorkflowStartRequest
{
    /// <summary>The instance id; derived by the caller from (run or trigger, customer) so starting twice is harmless.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The campaign run that enrols the instance; null for an event-triggered one.</summary>
    public string? RunId { get; init; }

    /// <summary>Correlates the instance with the outside, e.g. the customer id.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The customer profile, seen by templates as <c>customer</c>.</summary>
    public JsonObject? Customer { get; init; }

    /// <summary>The workflow input, seen by templates as <c>Input</c>.</summary>
    public IReadOnlyDictionary<string, JsonNode?>? Input { get; init; }
}
