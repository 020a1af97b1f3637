namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>The name on a shared contact card.</summary>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="FormattedName">The full name as the user's phone displays it.</param>
public sealed record InfobipContactCardName(string? FirstName, string? LastName = null, string? FormattedName = null);
