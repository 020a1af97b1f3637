namespace JourneyPlugin.Infobip.Client;

/// <summary>What is known about a send after the call returned.</summary>
public enum InfobipSendOutcome
{
    /// <summary>Infobip accepted the message (HTTP 200); its delivery is reported later by webhook.</summary>
    Accepted,

    /// <summary>
    /// Infobip provably did not accept the message: it was invalid, refused (4xx, 503), or never left
    /// this process (connect failure, open circuit, rate limiter full). Safe to send again.
    /// </summary>
    Failed,

    /// <summary>
    /// The request may have reached Infobip but no answer was read (timeout after sending, connection
    /// lost mid-response, 500/502/504). Sending again could duplicate the message: settle it by
    /// evidence (a delivery report carrying the message id) first.
    /// </summary>
    OutcomeUnknown,
}
