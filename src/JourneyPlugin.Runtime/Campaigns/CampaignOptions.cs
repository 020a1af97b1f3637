namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>How fast a run enrols, so that a million rows do not flood the silo.</summary>
public sealed class CampaignOptions
{
    /// <summary>Rows read per enrolment batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// First bursts (what a new instance does until it first waits or ends) run at once, across the
    /// run's batches; a pause or cancel waits for those running. The more in flight, the more of
    /// their durable writes share one SQLite commit (group commit) and the more template messages
    /// share one vendor request; the sender's rate limit still paces the vendor calls.
    /// </summary>
    public int Parallelism { get; set; } = 256;

    /// <summary>How often the run looks whether to enrol its next batch: it does when at most one batch is still to run.</summary>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromMilliseconds(20);
}
