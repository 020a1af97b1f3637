namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>One shared contact card.</summary>
/// <param name="Name">The contact's name.</param>
/// <param name="Phones">The contact's phone numbers.</param>
/// <param name="Emails">The contact's email addresses.</param>
public sealed record InfobipContactCard(
    InfobipContactCardName? Name,
    IReadOnlyList<InfobipContactCardPhone>? Phones = null,
    IReadOnlyList<InfobipContactCardEmail>? Emails = null);
