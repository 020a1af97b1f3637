namespace JourneyPlugin.Runtime.Storage;

/// <summary>An audience row a run skipped.</summary>
/// <param name="RunId">The run.</param>
/// <param name="RowNumber">The row number in the audience (data rows from 1).</param>
/// <param name="Reason">Why, e.g. the phone number's problem.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record RejectedRow(string RunId, long RowNumber, string Reason, DateTimeOffset RecordedAt);
