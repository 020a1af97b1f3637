namespace JourneyPlugin.Infobip.Webhooks;

/// <summary>
/// A media message: <c>IMAGE</c>, <c>DOCUMENT</c>, <c>VIDEO</c>, <c>VOICE</c>, <c>AUDIO</c> or
/// <c>STICKER</c>, told apart by <see cref="InfobipInboundContent.Type"/>.
/// </summary>
/// <param name="Type">The type as received, e.g. <c>IMAGE</c>.</param>
/// <param name="Url">
/// Where to download the file from Infobip; the download needs the same credentials as the API.
/// </param>
/// <param name="Caption">The caption the user wrote, when there is one.</param>
public sealed record InfobipInboundMedia(string Type, string Url, string? Caption = null) : InfobipInboundContent(Type);
