namespace JourneyPlugin.Runtime.Storage;

/// <summary>An audience row a run skipped.</summary>
/// <param name="RunId">The run.</param>
/// <param name="RowNumber">The row as the audience reader numbers it: the line a spreadsheet shows (a CSV header is row 1), or the JSON line.</param>
/// <param name="Reason">Why, e.g. the phone number's problem.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record RejectedRow(string RunId, long RowNumber, string Reason, DateTimeOffset RecordedAt);
