using System.Text.Json;

namespace JourneyPlugin.Infobip.Sandbox.Validation;

/// <summary>The body, header and footer that interactive messages share.</summary>
internal static class InteractivePartsRules
{
    private static readonly string[] MediaHeaderTypes = ["IMAGE", "VIDEO", "DOCUMENT"];

    /// <summary>Checks <c>body.text</c> (1 to 1024 characters) and returns it.</summary>
    public static string? Body(JsonElement content, ValidationErrors errors) =>
        FieldRules.RequiredObject(content, "body", "content.body", errors) is { } body
            ? FieldRules.RequiredText(body, "text", "content.body.text", 1, 1024, errors)
            : null;

    /// <summary>Checks an optional <c>header</c>: TEXT (1 to 60 characters) or, where allowed, a media header.</summary>
    public static void Header(JsonElement content, bool mediaAllowed, ValidationErrors errors)
    {
        if (FieldRules.OptionalObject(content, "header", "content.header", errors) is not { } header)
        {
            return;
        }

        var type = FieldRules.RequiredText(header, "type", "content.header.type", 1, 20, errors);
        if (type == "TEXT")
        {
            FieldRules.RequiredText(header, "text", "content.header.text", 1, 60, errors);
        }
        else if (mediaAllowed && MediaHeaderTypes.Contains(type))
        {
            FieldRules.RequiredUrl(header, "mediaUrl", "content.header.mediaUrl", 2048, errors);
            if (type == "DOCUMENT")
            {
                FieldRules.OptionalText(header, "filename", "content.header.filename", 240, errors);
            }
        }
        else if (type is not null)
        {
            errors.Add("content.header.type", mediaAllowed ? "must be one of TEXT, IMAGE, VIDEO, DOCUMENT" : "must be TEXT");
        }
    }

    /// <summary>Checks an optional <c>footer.text</c> (1 to 60 characters).</summary>
    public static void Footer(JsonElement content, ValidationErrors errors)
    {
        if (FieldRules.OptionalObject(content, "footer", "content.footer", errors) is { } footer)
        {
            FieldRules.RequiredText(footer, "text", "content.footer.text", 1, 60, errors);
        }
    }
}
