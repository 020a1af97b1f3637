namespace JourneyPlugin.Infobip.Messages;

/// <summary>The header of an interactive message: a text, or (for reply buttons only) a media.</summary>
/// <param name="Type"><c>TEXT</c>, <c>IMAGE</c>, <c>VIDEO</c> or <c>DOCUMENT</c>.</param>
/// <param name="Text">The text of a <c>TEXT</c> header (1–60 characters).</param>
/// <param name="MediaUrl">The media of an <c>IMAGE</c>, <c>VIDEO</c> or <c>DOCUMENT</c> header.</param>
/// <param name="Filename">The file name of a <c>DOCUMENT</c> header.</param>
public sealed record InfobipInteractiveHeader(string Type, string? Text = null, string? MediaUrl = null, string? Filename = null)
{
    /// <summary>A text header.</summary>
    public static InfobipInteractiveHeader FromText(string text) => new("TEXT", Text: text);
}
