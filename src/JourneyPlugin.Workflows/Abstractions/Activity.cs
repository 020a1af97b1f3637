using JourneyPlugin.Workflows.Descriptors;
using JourneyPlugin.Workflows.Execution;

namespace JourneyPlugin.Workflows.Abstractions;

/// <summary>
/// The usual base class. Nothing completes by itself: call
/// <see cref="ActivityExecutionContext.CompleteActivityAsync"/>,
/// <see cref="ActivityExecutionContext.CompleteActivityWithOutcomesAsync"/>, or create a bookmark.
/// </summary>
public abstract class Activity : IActivity
{
    /// <summary>Sets <see cref="Type"/> and <see cref="Version"/> from the class and its <c>[Activity]</c> attribute.</summary>
    protected Activity()
    {
        (Type, Version) = ActivityTypeName.Of(GetType());
    }

    /// <inheritdoc />
    public string Id { get; set; } = string.Empty;

    /// <inheritdoc />
    public string? Name { get; set; }

    /// <inheritdoc />
    public string Type { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <inheritdoc />
    public virtual ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        Execute(context);
        return ValueTask.CompletedTask;
    }

    /// <summary>The synchronous alternative to <see cref="ExecuteAsync"/>.</summary>
    protected virtual void Execute(ActivityExecutionContext context)
    {
    }
}
