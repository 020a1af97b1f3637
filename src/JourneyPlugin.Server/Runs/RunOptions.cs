namespace JourneyPlugin.Server.Runs;

/// <summary>Settings of campaign runs started over HTTP, bound from <c>JourneyPlugin:Runs</c>.</summary>
public sealed class RunOptions
{
    /// <summary>The configuration section these settings are bound from.</summary>
    public const string SectionName = "JourneyPlugin:Runs";

    /// <summary>The largest audience file accepted, in bytes; a larger upload gets 413 and leaves nothing behind.</summary>
    public long MaxAudienceBytes { get; set; } = 1L << 30;
}
