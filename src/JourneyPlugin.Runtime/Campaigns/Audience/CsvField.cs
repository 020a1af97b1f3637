namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>Where a value lies in a CSV record, without its enclosing quotes.</summary>
/// <param name="Start">Offset of the value's first byte in the record.</param>
/// <param name="Length">Length of the value in bytes.</param>
/// <param name="HasEscapedQuotes">Whether the value contains doubled quotes (<c>""</c>) to undo.</param>
internal readonly record struct CsvField(int Start, int Length, bool HasEscapedQuotes);
