namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>The body of a seen report webhook; Infobip may batch many reports in one request.</summary>
/// <param name="Results">The reports, in the order received.</param>
public sealed record InfobipSeenReportBatch(IReadOnlyList<InfobipSeenReport> Results);
