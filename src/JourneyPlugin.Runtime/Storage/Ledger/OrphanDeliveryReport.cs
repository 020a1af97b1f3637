namespace JourneyPlugin.Runtime.Storage;

/// <summary>A delivery report for a message id the ledger does not know, kept for inspection.</summary>
/// <param name="Report">The report as received.</param>
/// <param name="ReceivedAt">When it was stored.</param>
public sealed record OrphanDeliveryReport(DeliveryReport Report, DateTimeOffset ReceivedAt);
