namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>Contact cards the user shared (<c>CONTACT</c>).</summary>
/// <param name="Type">The type as received, <c>CONTACT</c>.</param>
/// <param name="Contacts">The cards; fields not modelled here are in <see cref="InfobipInboundContent.Raw"/>.</param>
public sealed record InfobipInboundContacts(string Type, IReadOnlyList<InfobipContactCard> Contacts)
    : InfobipInboundContent(Type);
