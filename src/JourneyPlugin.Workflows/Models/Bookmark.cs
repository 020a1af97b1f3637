using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Models;

/// <summary>
/// A suspended activity waiting to be resumed, by a stimulus (matched by <see cref="Hash"/>) or by
/// the clock (<see cref="ResumeAt"/>).
/// </summary>
public sealed record Bookmark
{
    /// <summary>Unique within the workflow instance.</summary>
    public required string Id { get; init; }

    /// <summary>The stimulus name; the activity type name unless the activity chose another.</summary>
    public required string Name { get; init; }

    /// <summary>SHA-256 of the name, the stimulus and (unless excluded) the activity instance id.</summary>
    public required string Hash { get; init; }

    /// <summary>The stimulus, as JSON.</summary>
    public JsonNode? Payload { get; init; }

    /// <summary>The activity (node) id in the definition.</summary>
    public required string ActivityId { get; init; }

    /// <summary>The activity instance that created the bookmark.</summary>
    public required string ActivityInstanceId { get; init; }

    /// <summary>When the bookmark was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>For timeouts and delays: when the clock resumes it.</summary>
    public DateTimeOffset? ResumeAt { get; init; }

    /// <summary>The activity method that runs on resume (persisted by name).</summary>
    public string? CallbackMethodName { get; init; }

    /// <summary>Whether resuming removes the bookmark.</summary>
    public bool AutoBurn { get; init; } = true;

    /// <summary>Whether the activity completes on resume when there is no callback.</summary>
    public bool AutoComplete { get; init; } = true;

    /// <summary>Free text data.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
