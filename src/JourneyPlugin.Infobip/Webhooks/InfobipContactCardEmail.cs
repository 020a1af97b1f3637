namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>An email address on a shared contact card.</summary>
/// <param name="Email">The address.</param>
/// <param name="Type">Kind of address, e.g. <c>HOME</c> or <c>WORK</c>.</param>
public sealed record InfobipContactCardEmail(string? Email, string? Type = null);
