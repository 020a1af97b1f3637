namespace JourneyPlugin.Server.Sandbox;

/// <summary>A customer's message the sandbox posted to the server's inbound webhook.</summary>
/// <param name="From">The customer's number, digits only.</param>
/// <param name="To">The sender the customer wrote to.</param>
/// <param name="Text">What the customer wrote.</param>
internal sealed record SandboxReplyResponse(string From, string To, string Text);
