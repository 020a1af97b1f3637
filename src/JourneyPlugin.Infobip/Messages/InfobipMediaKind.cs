namespace JourneyPlugin.Infobip.Messages;

/// <summary>The kinds of media message.</summary>
public enum InfobipMediaKind
{
    /// <summary>JPG or PNG, at most 5 MB; may have a caption.</summary>
    Image,

    /// <summary>Any document, at most 100 MB; may have a caption and a file name.</summary>
    Document,

    /// <summary>MP4 or 3GPP, at most 16 MB; may have a caption.</summary>
    Video,

    /// <summary>AAC, AMR, MP3, MP4 or OPUS, at most 16 MB.</summary>
    Audio,
}
