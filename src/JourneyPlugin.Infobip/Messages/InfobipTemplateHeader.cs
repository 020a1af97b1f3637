namespace JourneyPlugin.Infobip.Messages;

/// <summary>The header values of a template message, when the template's header has a placeholder or media.</summary>
/// <param name="Type"><c>TEXT</c>, <c>IMAGE</c>, <c>VIDEO</c>, <c>GIF</c>, <c>DOCUMENT</c> or <c>LOCATION</c>.</param>
public sealed record InfobipTemplateHeader(string Type)
{
    /// <summary>The value of a <c>TEXT</c> header's placeholder.</summary>
    public string? Placeholder { get; init; }

    /// <summary>The media of an <c>IMAGE</c>, <c>VIDEO</c>, <c>GIF</c> or <c>DOCUMENT</c> header.</summary>
    public string? MediaUrl { get; init; }

    /// <summary>The file name of a <c>DOCUMENT</c> header (1–240 characters).</summary>
    public string? Filename { get; init; }

    /// <summary>Latitude of a <c>LOCATION</c> header.</summary>
    public double? Latitude { get; init; }

    /// <summary>Longitude of a <c>LOCATION</c> header.</summary>
    public double? Longitude { get; init; }

    /// <summary>A text header placeholder.</summary>
    public static InfobipTemplateHeader FromText(string placeholder) => new("TEXT") { Placeholder = placeholder };

    /// <summary>A media header (<c>IMAGE</c>, <c>VIDEO</c>, <c>GIF</c> or <c>DOCUMENT</c>).</summary>
    public static InfobipTemplateHeader FromMedia(string type, string mediaUrl, string? filename = null) =>
        new(type) { MediaUrl = mediaUrl, Filename = filename };
}
