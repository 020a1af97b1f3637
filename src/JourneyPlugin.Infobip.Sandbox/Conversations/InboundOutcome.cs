namespace JourneyPlugin.Infobip.Sandbox.Conversations;

/// <summary>What became of a customer's message.</summary>
/// <param name="MessageId">The <c>wamid.</c> id the inbound webhook carries.</param>
/// <param name="Posted">Whether the inbound URL accepted the webhook (false too when none is configured).</param>
internal sealed record InboundOutcome(string MessageId, bool Posted);
