namespace JourneyPlugin.WhatsApp.Messaging;

/// <summary>A WhatsApp message ready to send, independent of the vendor.</summary>
public sealed record WhatsAppOutboundMessage
{
    /// <summary>The kind of message.</summary>
    public required WhatsAppMessageKind Kind { get; init; }

    /// <summary>The customer's number, digits with country code.</summary>
    public required string To { get; init; }

    /// <summary>The idempotency key of the send, echoed in delivery reports.</summary>
    public required string MessageId { get; init; }

    /// <summary>Data returned with delivery reports.</summary>
    public string? CallbackData { get; init; }

    /// <summary>The text (text messages), or the body of a buttons message.</summary>
    public string? Text { get; init; }

    /// <summary>The template name.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The template language.</summary>
    public string? Language { get; init; }

    /// <summary>The template's body placeholder values, in order.</summary>
    public IReadOnlyList<string> Placeholders { get; init; } = [];

    /// <summary>
    /// Values for the template's buttons that take one (quick-reply payloads, dynamic URL suffixes,
    /// copy codes), in the order the template registered those buttons.
    /// </summary>
    public IReadOnlyList<string> ButtonParameters { get; init; } = [];

    /// <summary>The media URL of a media message, or of a template's media header.</summary>
    public string? MediaUrl { get; init; }

    /// <summary>The caption of an image, document or video.</summary>
    public string? Caption { get; init; }

    /// <summary>The file name of a document.</summary>
    public string? Filename { get; init; }

    /// <summary>The reply buttons' titles (the title is also the payload that comes back).</summary>
    public IReadOnlyList<string> Buttons { get; init; } = [];

    /// <summary>The journey instance that sends it (for the send ledger).</summary>
    public string? InstanceId { get; init; }

    /// <summary>The campaign run of that instance, if any.</summary>
    public string? RunId { get; init; }

    /// <summary>The Send step.</summary>
    public string? ActivityId { get; init; }

    /// <summary>Whether WhatsApp delivers this message only inside the customer's 24 hour window.</summary>
    public bool IsFreeForm => Kind != WhatsAppMessageKind.Template;
}
