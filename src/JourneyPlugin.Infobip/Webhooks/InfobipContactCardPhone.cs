namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>A phone number on a shared contact card.</summary>
/// <param name="Phone">The number as written on the card.</param>
/// <param name="Type">Kind of number, e.g. <c>CELL</c>, <c>HOME</c>, <c>WORK</c>.</param>
/// <param name="WaId">The number's WhatsApp id, when it is on WhatsApp.</param>
public sealed record InfobipContactCardPhone(string? Phone, string? Type = null, string? WaId = null);
