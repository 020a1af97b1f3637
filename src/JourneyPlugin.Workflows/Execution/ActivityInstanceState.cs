using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Execution;

/// <summary>A suspended activity instance: what it needs when one of its bookmarks is resumed.</summary>
public sealed record ActivityInstanceState
{
    /// <summary>The instance id.</summary>
    public required string Id { get; init; }

    /// <summary>The node id in the definition.</summary>
    public required string ActivityId { get; init; }

    /// <summary>Data the activity keeps across the wait (<see cref="ActivityExecutionContext.Properties"/>).</summary>
    public JsonObject Properties { get; init; } = [];
}
