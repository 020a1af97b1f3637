using JourneyPlugin.Workflows.Execution;

namespace JourneyPlugin.Workflows.Abstractions;

/// <summary>A step of a journey, in Elsa 3's shape.</summary>
public interface IActivity
{
    /// <summary>The node id in the definition (16 hex characters in Elsa exports).</summary>
    string Id { get; set; }

    /// <summary>A user-facing name, unique within the definition.</summary>
    string? Name { get; set; }

    /// <summary>The type name, <c>{Namespace}.{Type}</c>.</summary>
    string Type { get; set; }

    /// <summary>The type version.</summary>
    int Version { get; set; }

    /// <summary>Runs the activity. It completes explicitly, or leaves a bookmark and completes on resume.</summary>
    ValueTask ExecuteAsync(ActivityExecutionContext context);
}
