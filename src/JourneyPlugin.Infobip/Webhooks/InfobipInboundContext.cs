namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>The message an inbound message replies to.</summary>
/// <param name="From">Who sent the replied-to message.</param>
/// <param name="Id">Id of the replied-to message.</param>
public sealed record InfobipInboundContext(string? From, string? Id);
