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

    /// <summary>Stopped by a user: no more enrolment, its waiting journeys cancelled. Final.</summary>
    Cancelled,

    /// <summary>Every audience row enrolled or rejected; journeys may still wait for replies and timers until they end or the run is cancelled.</summary>
    Completed,
}
