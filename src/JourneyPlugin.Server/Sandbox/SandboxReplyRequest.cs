namespace JourneyPlugin.Server.Sandbox;

/// <summary>A customer's message for the sandbox to post as Infobip's inbound webhook.</summary>
/// <param name="From">The customer's number, with country code.</param>
/// <param name="Text">What the customer writes.</param>
internal sealed record SandboxReplyRequest(string? From, string? Text);
