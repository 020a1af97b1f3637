namespace JourneyPlugin.WhatsApp.Activities;

/// <summary>
/// What a "Wait for User Reply" waits for: the next message of <paramref name="Customer"/> to
/// <paramref name="Sender"/>. The inbound webhook builds the same stimulus to find the waiting journeys.
/// </summary>
/// <param name="Sender">The business number, digits.</param>
/// <param name="Customer">The customer's number, digits.</param>
public sealed record UserReplyStimulus(string Sender, string Customer);
