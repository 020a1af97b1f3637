namespace JourneyPlugin.WhatsApp.Messaging;

/// <summary>What kind of WhatsApp message a step sends.</summary>
public enum WhatsAppMessageKind
{
    /// <summary>An approved template: the only kind WhatsApp delivers outside the 24 hour window.</summary>
    Template,

    /// <summary>Free-form text.</summary>
    Text,

    /// <summary>An image with an optional caption.</summary>
    Image,

    /// <summary>A document with an optional caption and file name.</summary>
    Document,

    /// <summary>A video with an optional caption.</summary>
    Video,

    /// <summary>An audio file.</summary>
    Audio,

    /// <summary>Text with up to three reply buttons.</summary>
    Buttons,
}
