namespace JourneyPlugin.Runtime.Storage;

/// <summary>What a Send step reserves before calling the vendor.</summary>
/// <param name="MessageId">The deterministic message id (from run, instance and activity).</param>
/// <param name="InstanceId">The journey instance.</param>
/// <param name="RunId">The campaign run, if any.</param>
/// <param name="ActivityId">The Send step.</param>
/// <param name="Connection">The vendor connection the message goes through.</param>
/// <param name="Recipient">The recipient's phone number, stored as given.</param>
public sealed record LedgerReservation(
    string MessageId,
    string InstanceId,
    string? RunId,
    string ActivityId,
    string Connection,
    string Recipient);
