using System.Text.Json;

namespace JourneyPlugin.Infobip.Sandbox.Validation;

/// <summary>
/// Checks image, video, document and audio content: <c>mediaUrl</c> an absolute http(s) URL of 1 to
/// 2048 characters, <c>caption</c> up to 3000, a document's <c>filename</c> up to 240.
/// </summary>
internal static class MediaContentRules
{
    public static ContentSummary Validate(JsonElement content, bool captioned, bool named, ValidationErrors errors)
    {
        FieldRules.RequiredUrl(content, "mediaUrl", "content.mediaUrl", 2048, errors);
        var caption = captioned ? FieldRules.OptionalText(content, "caption", "content.caption", 3000, errors) : null;
        if (named)
        {
            FieldRules.OptionalText(content, "filename", "content.filename", 240, errors);
        }

        return new ContentSummary(caption);
    }
}
