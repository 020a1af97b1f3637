namespace JourneyPlugin.Runtime.Storage;

/// <summary>Where a campaign run is.</summary>
public enum RunStatus
{
    /// <summary>Created, not started.</summary>
    Created,

    /// <summary>Enrolling customers and running their journeys.</summary>
    Running,

    /// <summary>Paused by a user; resumes to <see cref="Running"/>.</summary>
    Paused,

    /// <summary>Stopped by a user. Final.</summary>
    Cancelled,

    /// <summary>Every customer enrolled and every journey ended. Final.</summary>
    Completed,
}
