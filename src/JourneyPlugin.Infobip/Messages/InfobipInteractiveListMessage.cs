namespace JourneyPlugin.Infobip.Messages;

/// <summary>A message that opens a list of up to ten choices.</summary>
public sealed record InfobipInteractiveListMessage : InfobipMessage
{
    /// <summary>The body text (1–1024 characters).</summary>
    public required string BodyText { get; init; }

    /// <summary>The label of the button that opens the list (1–20 characters).</summary>
    public required string ButtonText { get; init; }

    /// <summary>One to ten sections.</summary>
    public required IReadOnlyList<InfobipListSection> Sections { get; init; }

    /// <summary>An optional text header (1–60 characters).</summary>
    public string? HeaderText { get; init; }

    /// <summary>An optional footer (1–60 characters).</summary>
    public string? FooterText { get; init; }

    internal override string Path => "whatsapp/1/message/interactive/list";
}
