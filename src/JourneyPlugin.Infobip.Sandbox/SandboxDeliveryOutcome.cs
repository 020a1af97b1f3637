namespace JourneyPlugin.Infobip.Sandbox;

/// <summary>What happens to an accepted message on its way to the customer.</summary>
public enum SandboxDeliveryOutcome
{
    /// <summary>It reaches the customer: a DELIVERED report, then a seen report.</summary>
    Delivered,

    /// <summary>
    /// It is a free-form message outside the customer's 24 h window: an UNDELIVERABLE report with
    /// error 7010 (EC_NO_SESSION) and nothing else. The customer never sees it.
    /// </summary>
    FailedNoSession,
}
