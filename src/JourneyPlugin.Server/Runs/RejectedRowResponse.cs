namespace JourneyPlugin.Server.Runs;

/// <summary>An audience row a run skipped.</summary>
/// <param name="Row">The row number as a spreadsheet shows it (a CSV header is row 1), or the JSON line.</param>
/// <param name="Reason">Why.</param>
/// <param name="RecordedAt">When it was skipped.</param>
internal sealed record RejectedRowResponse(long Row, string Reason, DateTimeOffset RecordedAt);
