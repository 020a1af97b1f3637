namespace JourneyPlugin.Infobip.Messages;

/// <summary>A section of a list message.</summary>
/// <param name="Title">At most 24 characters; required when the list has more than one section.</param>
/// <param name="Rows">The rows; at most 10 across all sections.</param>
public sealed record InfobipListSection(string? Title, IReadOnlyList<InfobipListRow> Rows);
