namespace JourneyPlugin.Infobip.Messages;

/// <summary>A row of a list message; <paramref name="Id"/> comes back in the customer's reply.</summary>
/// <param name="Id">1–200 characters, unique across all sections.</param>
/// <param name="Title">1–24 characters.</param>
/// <param name="Description">At most 72 characters.</param>
public sealed record InfobipListRow(string Id, string Title, string? Description = null);
