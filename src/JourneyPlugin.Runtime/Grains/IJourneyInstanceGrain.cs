namespace JourneyPlugin.Runtime.Grains;

/// <summary>
/// One journey instance, keyed by its instance id. Runs the interpreter single-threaded, persists
/// after every step, and deactivates while it waits so that millions of waiting journeys cost
/// storage, not memory.
/// </summary>
[Alias("JourneyPlugin.IJourneyInstanceGrain")]
public interface IJourneyInstanceGrain : IGrainWithStringKey
{
    /// <summary>Starts the instance; starting it again returns its current state and changes nothing.</summary>
    [Alias("Start")]
    Task<JourneyInstanceSnapshot> StartAsync(JourneyStartRequest request);

    /// <summary>Resumes the bookmarks of <paramref name="bookmarkHash"/> with <paramref name="inputJson"/>; returns how many were resumed.</summary>
    [Alias("Resume")]
    Task<int> ResumeAsync(string bookmarkHash, string inputJson);

    /// <summary>
    /// Fires the timers that are due (delays, reply timeouts), and goes on with a burst a crash
    /// interrupted; a timer already handled is not fired again.
    /// </summary>
    [Alias("FireDue")]
    Task<int> FireDueAsync();

    /// <summary>
    /// Stops a waiting or interrupted instance for good: status Cancelled, its bookmarks and timers
    /// removed, so no reply, timer or settlement resumes it. Returns false when there is nothing to
    /// cancel (never started, finished, faulted or already cancelled).
    /// </summary>
    [Alias("Cancel")]
    Task<bool> CancelAsync();

    /// <summary>The instance's state, or null when it was never started.</summary>
    [Alias("Get")]
    Task<JourneyInstanceSnapshot?> GetAsync();
}
