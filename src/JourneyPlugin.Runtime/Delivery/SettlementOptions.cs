using JourneyPlugin.WhatsApp.Activities;

namespace JourneyPlugin.Runtime.Delivery;

/// <summary>How sends with an unknown outcome are settled when no evidence arrives.</summary>
public sealed class SettlementOptions
{
    /// <summary>How long to wait for a delivery report before the policy decides.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often unsettled sends are looked for.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What to do without evidence: send again with the same message id (default), or give up.</summary>
    public SendSettlement Policy { get; set; } = SendSettlement.Resend;
}
