using JourneyPlugin.Infobip;
using JourneyPlugin.Infobip.Client;

namespace JourneyPlugin.Server.Connections;

/// <summary>What a Quick Test sent and what the vendor answered, with our reading of the answer.</summary>
/// <param name="Connection">The connection tested.</param>
/// <param name="To">The recipient.</param>
/// <param name="MessageId">The id the test message was sent with.</param>
/// <param name="Outcome">Accepted, provably not accepted, or unknown.</param>
/// <param name="Reading">What the answer means, in words a user can act on.</param>
/// <param name="VendorStatus">The vendor's status of the message, when it gave one.</param>
/// <param name="VendorResponse">The vendor's answer exactly as received; null when there was none.</param>
/// <param name="HttpStatus">The vendor's HTTP status code, when it answered.</param>
/// <param name="Error">Why the message was not accepted; null when it was.</param>
internal sealed record QuickTestResult(
    string Connection,
    string To,
    string MessageId,
    InfobipSendOutcome Outcome,
    string Reading,
    InfobipMessageStatus? VendorStatus,
    string? VendorResponse,
    int? HttpStatus,
    InfobipError? Error)
{
    /// <summary>Whether the vendor accepted the message.</summary>
    public bool Accepted => Outcome == InfobipSendOutcome.Accepted;
}
