namespace JourneyPlugin.Workflows.Execution;

/// <summary>Where an activity instance is.</summary>
public enum ActivityStatus
{
    /// <summary>Running or waiting on its bookmarks.</summary>
    Running,

    /// <summary>Completed with its outcomes.</summary>
    Completed,
}
