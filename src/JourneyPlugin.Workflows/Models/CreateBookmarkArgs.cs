using JourneyPlugin.Workflows.Execution;

namespace JourneyPlugin.Workflows.Models;

/// <summary>How to create a bookmark, with Elsa's field names.</summary>
public sealed record CreateBookmarkArgs
{
    /// <summary>The stimulus that resumes the bookmark, e.g. <c>new { sender, customer }</c>.</summary>
    public object? Stimulus { get; init; }

    /// <summary>A named instance method of the activity, run on resume. Lambdas are refused: the name is persisted.</summary>
    public ExecuteActivityDelegate? Callback { get; init; }

    /// <summary>The stimulus name; the activity type name by default.</summary>
    public string? BookmarkName { get; init; }

    /// <summary>
    /// Whether the activity instance id is part of the hash. Keep it <see langword="false"/> for
    /// waits resumed from outside, which cannot know the instance id.
    /// </summary>
    public bool IncludeActivityInstanceId { get; init; } = true;

    /// <summary>Whether resuming removes the bookmark.</summary>
    public bool AutoBurn { get; init; } = true;

    /// <summary>Whether the activity completes on resume when there is no callback.</summary>
    public bool AutoComplete { get; init; } = true;

    /// <summary>For timeouts and delays: when the clock resumes it.</summary>
    public DateTimeOffset? ResumeAt { get; init; }

    /// <summary>Free text data.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
