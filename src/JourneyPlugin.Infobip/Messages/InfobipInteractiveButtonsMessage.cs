namespace JourneyPlugin.Infobip.Messages;

/// <summary>A message with one to three reply buttons.</summary>
public sealed record InfobipInteractiveButtonsMessage : InfobipMessage
{
    /// <summary>The body text (1–1024 characters).</summary>
    public required string BodyText { get; init; }

    /// <summary>One to three buttons.</summary>
    public required IReadOnlyList<InfobipReplyButton> Buttons { get; init; }

    /// <summary>An optional header.</summary>
    public InfobipInteractiveHeader? Header { get; init; }

    /// <summary>An optional footer (1–60 characters).</summary>
    public string? FooterText { get; init; }

    internal override string Path => "whatsapp/1/message/interactive/buttons";
}
