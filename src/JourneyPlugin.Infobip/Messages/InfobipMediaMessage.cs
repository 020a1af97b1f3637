namespace JourneyPlugin.Infobip.Messages;

/// <summary>An image, document, video or audio message; the media is fetched by WhatsApp from <see cref="MediaUrl"/>.</summary>
public sealed record InfobipMediaMessage : InfobipMessage
{
    /// <summary>The kind of media.</summary>
    public required InfobipMediaKind Kind { get; init; }

    /// <summary>A public http(s) URL of the media (at most 2048 characters).</summary>
    public required string MediaUrl { get; init; }

    /// <summary>Caption for images, documents and videos (at most 3000 characters).</summary>
    public string? Caption { get; init; }

    /// <summary>File name shown for a document (at most 240 characters).</summary>
    public string? Filename { get; init; }

    internal override string Path => Kind switch
    {
        InfobipMediaKind.Image => "whatsapp/1/message/image",
        InfobipMediaKind.Document => "whatsapp/1/message/document",
        InfobipMediaKind.Video => "whatsapp/1/message/video",
        InfobipMediaKind.Audio => "whatsapp/1/message/audio",
        _ => throw new InvalidOperationException($"Unknown media kind {Kind}."),
    };
}
