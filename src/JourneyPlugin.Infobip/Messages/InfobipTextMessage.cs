namespace JourneyPlugin.Infobip.Messages;

/// <summary>A free-form text message (1–4096 characters).</summary>
public sealed record InfobipTextMessage : InfobipMessage
{
    /// <summary>The text.</summary>
    public required string Text { get; init; }

    /// <summary>Show a preview of the first URL in the text.</summary>
    public bool PreviewUrl { get; init; }

    internal override string Path => "whatsapp/1/message/text";
}
