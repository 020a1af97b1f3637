namespace JourneyPlugin.Infobip.Sandbox;

/// <summary>A message the sandbox accepted, as recorded for assertions about what customers received.</summary>
public sealed record SandboxMessage
{
    /// <summary>The caller's <c>messageId</c>, or the one the sandbox generated.</summary>
    public required string MessageId { get; init; }

    /// <summary>The sender number.</summary>
    public required string From { get; init; }

    /// <summary>The customer's number.</summary>
    public required string To { get; init; }

    /// <summary>The endpoint the message came through.</summary>
    public required SandboxMessageKind Kind { get; init; }

    /// <summary>
    /// What the customer reads: the text, a media caption, an interactive body, or a template's body
    /// with its placeholders filled in.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>The template's name, for template messages.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The template's language, for template messages.</summary>
    public string? TemplateLanguage { get; init; }

    /// <summary>The template's body placeholder values, in order.</summary>
    public IReadOnlyList<string> TemplatePlaceholders { get; init; } = [];

    /// <summary>The <c>bulkId</c> of the template request the message was part of.</summary>
    public string? BulkId { get; init; }

    /// <summary>The caller's <c>callbackData</c>.</summary>
    public string? CallbackData { get; init; }

    /// <summary>The caller's <c>notifyUrl</c>.</summary>
    public string? NotifyUrl { get; init; }

    /// <summary>The message's JSON exactly as sent (for a template request, its element of <c>messages</c>).</summary>
    public required string RequestJson { get; init; }

    /// <summary>When the sandbox accepted the message.</summary>
    public required DateTimeOffset AcceptedAt { get; init; }

    /// <summary>Whether the message reaches the customer.</summary>
    public SandboxDeliveryOutcome Outcome { get; init; }
}
