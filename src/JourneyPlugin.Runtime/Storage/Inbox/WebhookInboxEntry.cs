namespace JourneyPlugin.Runtime.Storage;

/// <summary>A webhook body waiting to be applied.</summary>
/// <param name="Id">Its id in the inbox.</param>
/// <param name="Source">Who sent it, e.g. <c>infobip/marketing</c>.</param>
/// <param name="Kind">What it carries (delivery reports, seen reports, inbound messages).</param>
/// <param name="Body">The body as received.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="Attempts">How many attempts to apply it failed.</param>
public sealed record WebhookInboxEntry(long Id, string Source, string Kind, ReadOnlyMemory<byte> Body, DateTimeOffset ReceivedAt, int Attempts);
