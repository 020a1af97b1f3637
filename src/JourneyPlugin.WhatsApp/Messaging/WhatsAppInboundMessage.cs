using System.Text.Json.Nodes;

namespace JourneyPlugin.WhatsApp.Messaging;

/// <summary>A message a customer sent to a business number, independent of the vendor.</summary>
public sealed record WhatsAppInboundMessage
{
    /// <summary>The business number that received it.</summary>
    public required string Sender { get; init; }

    /// <summary>The customer's number.</summary>
    public required string Customer { get; init; }

    /// <summary>The vendor's id of the message (deduplication key).</summary>
    public required string MessageId { get; init; }

    /// <summary>When the customer sent it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>TEXT, BUTTON, INTERACTIVE_BUTTON_REPLY, IMAGE, …</summary>
    public required string Type { get; init; }

    /// <summary>The text, or the title of the button or list row that was tapped.</summary>
    public string? Text { get; init; }

    /// <summary>The payload or id of the button or list row that was tapped.</summary>
    public string? Payload { get; init; }

    /// <summary>The vendor's message as received.</summary>
    public JsonNode? Raw { get; init; }
}
