namespace JourneyPlugin.Infobip.Messages;

/// <summary>A reply button: the <paramref name="Id"/> comes back in the customer's reply.</summary>
/// <param name="Id">1–256 characters, unique within the message.</param>
/// <param name="Title">1–20 characters, shown on the button.</param>
public sealed record InfobipReplyButton(string Id, string Title);
