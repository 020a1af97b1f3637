namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>
/// A campaign run (key: the run id): streams its audience and enrols one journey instance per
/// customer, paced in batches, resumable after a restart from the last row it recorded.
/// </summary>
[Alias("JourneyPlugin.ICampaignRunGrain")]
public interface ICampaignRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the run; starting it again changes nothing.</summary>
    [Alias("Start")]
    Task<CampaignRunSnapshot> StartAsync(CampaignStartRequest request);

    /// <summary>Stops enrolling; instances already running go on.</summary>
    [Alias("Pause")]
    Task<CampaignRunSnapshot> PauseAsync();

    /// <summary>Enrols again from where it paused.</summary>
    [Alias("Resume")]
    Task<CampaignRunSnapshot> ResumeAsync();

    /// <summary>Stops enrolling for good.</summary>
    [Alias("Cancel")]
    Task<CampaignRunSnapshot> CancelAsync();

    /// <summary>Where the run is, or null when there is no such run.</summary>
    [Alias("Get")]
    Task<CampaignRunSnapshot?> GetAsync();
}
