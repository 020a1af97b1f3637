using System.Text.RegularExpressions;
using JourneyPlugin.WhatsApp.PhoneNumbers;

namespace JourneyPlugin.Infobip.Messages;

/// <summary>
/// Checks a message against Infobip's documented limits before any request is made, so a mistake
/// is reported with the field's JSON path instead of surfacing later as a failed delivery.
/// </summary>
internal static partial class InfobipMessageValidator
{
    /// <summary>Validates <paramref name="message"/>; field paths are prefixed with <paramref name="prefix"/> (e.g. <c>messages[2].</c>).</summary>
    /// <returns>The normalised recipient number, or <see langword="null"/> when it is invalid.</returns>
    public static string? Validate(InfobipMessage message, string prefix, List<InfobipFieldError> errors)
    {
        var v = new Checker(prefix, errors);

        string? to = null;
        if (!PhoneNumber.TryParse(message.To, out var number, out var reason))
        {
            v.Add("to", reason);
        }
        else
        {
            to = number.Digits;
        }

        if (string.IsNullOrWhiteSpace(message.MessageId))
        {
            v.Add("messageId", "must not be blank; every send needs the caller's message id");
        }
        else
        {
            v.MaxLength("messageId", message.MessageId, 200);
        }

        v.MaxLength("callbackData", message.CallbackData, 4000);
        if (message.NotifyUrl is { } notifyUrl)
        {
            v.Url("notifyUrl", notifyUrl.OriginalString, 2048);
        }

        switch (message)
        {
            case InfobipTextMessage text:
                v.Text("content.text", text.Text, 4096);
                if (text.PreviewUrl && !text.Text.Contains("http://", StringComparison.OrdinalIgnoreCase) && !text.Text.Contains("https://", StringComparison.OrdinalIgnoreCase))
                {
                    v.Add("content.previewUrl", "needs an http:// or https:// URL in the text");
                }

                break;
            case InfobipMediaMessage media:
                v.Url("content.mediaUrl", media.MediaUrl, 2048);
                if (media.Kind == InfobipMediaKind.Audio)
                {
                    if (media.Caption is not null)
                    {
                        v.Add("content.caption", "audio messages cannot have a caption");
                    }
                }
                else
                {
                    v.MaxLength("content.caption", media.Caption, 3000);
                }

                if (media.Kind == InfobipMediaKind.Document)
                {
                    v.MaxLength("content.filename", media.Filename, 240);
                }
                else if (media.Filename is not null)
                {
                    v.Add("content.filename", "only documents have a file name");
                }

                break;
            case InfobipInteractiveButtonsMessage buttons:
                ValidateButtons(v, buttons);
                break;
            case InfobipInteractiveListMessage list:
                ValidateList(v, list);
                break;
            case InfobipTemplateMessage template:
                ValidateTemplate(v, template);
                break;
            default:
                v.Add("content", $"{message.GetType().Name} is not a message kind this client can send");
                break;
        }

        return to;
    }

    private static void ValidateButtons(Checker v, InfobipInteractiveButtonsMessage message)
    {
        v.Text("content.body.text", message.BodyText, 1024);
        if (message.Buttons is not { Count: >= 1 and <= 3 })
        {
            v.Add("content.action.buttons", $"must have 1 to 3 buttons (got {message.Buttons?.Count ?? 0})");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (message.Buttons?.Count ?? 0); i++)
        {
            var button = message.Buttons![i];
            v.Text($"content.action.buttons[{i}].id", button.Id, 256);
            v.Text($"content.action.buttons[{i}].title", button.Title, 20);
            if (button.Id is not null && !ids.Add(button.Id))
            {
                v.Add($"content.action.buttons[{i}].id", $"'{button.Id}' is used by another button; ids must be unique");
            }
        }

        if (message.Header is { } header)
        {
            switch (header.Type)
            {
                case "TEXT":
                    v.Text("content.header.text", header.Text, 60);
                    break;
                case "IMAGE" or "VIDEO" or "DOCUMENT":
                    v.Url("content.header.mediaUrl", header.MediaUrl, 2048);
                    v.MaxLength("content.header.filename", header.Filename, 240);
                    break;
                default:
                    v.Add("content.header.type", $"'{header.Type}' is not one of TEXT, IMAGE, VIDEO, DOCUMENT");
                    break;
            }
        }

        if (message.FooterText is not null)
        {
            v.Text("content.footer.text", message.FooterText, 60);
        }
    }

    private static void ValidateList(Checker v, InfobipInteractiveListMessage message)
    {
        v.Text("content.body.text", message.BodyText, 1024);
        v.Text("content.action.title", message.ButtonText, 20);
        var sections = message.Sections ?? [];
        if (sections.Count is < 1 or > 10)
        {
            v.Add("content.action.sections", $"must have 1 to 10 sections (got {sections.Count})");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rows = 0;
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            var path = $"content.action.sections[{s}]";
            if (sections.Count > 1)
            {
                v.Text($"{path}.title", section.Title, 24, "is required when the list has more than one section");
            }
            else
            {
                v.MaxLength($"{path}.title", section.Title, 24);
            }

            if (section.Rows is not { Count: > 0 })
            {
                v.Add($"{path}.rows", "must have at least one row");
                continue;
            }

            for (var r = 0; r < section.Rows.Count; r++)
            {
                var row = section.Rows[r];
                rows++;
                v.Text($"{path}.rows[{r}].id", row.Id, 200);
                v.Text($"{path}.rows[{r}].title", row.Title, 24);
                v.MaxLength($"{path}.rows[{r}].description", row.Description, 72);
                if (row.Id is not null && !ids.Add(row.Id))
                {
                    v.Add($"{path}.rows[{r}].id", $"'{row.Id}' is used by another row; ids must be unique across sections");
                }
            }
        }

        if (rows > 10)
        {
            v.Add("content.action.sections", $"may have at most 10 rows in all (got {rows})");
        }

        if (message.HeaderText is not null)
        {
            v.Text("content.header.text", message.HeaderText, 60);
        }

        if (message.FooterText is not null)
        {
            v.Text("content.footer.text", message.FooterText, 60);
        }
    }

    private static void ValidateTemplate(Checker v, InfobipTemplateMessage message)
    {
        if (string.IsNullOrEmpty(message.TemplateName) || message.TemplateName.Length > 512 || !TemplateName().IsMatch(message.TemplateName))
        {
            v.Add("content.templateName", "must be 1–512 lowercase letters, digits or underscores, as registered");
        }

        if (string.IsNullOrEmpty(message.Language) || !Language().IsMatch(message.Language))
        {
            v.Add("content.language", "must be the template's registered language, e.g. en or en_GB");
        }

        var placeholders = message.BodyPlaceholders ?? [];
        for (var i = 0; i < placeholders.Count; i++)
        {
            if (string.IsNullOrEmpty(placeholders[i]))
            {
                v.Add($"content.templateData.body.placeholders[{i}]", $"{{{{{i + 1}}}}} has no value; WhatsApp refuses empty placeholders");
            }
        }

        if (message.Header is { } header)
        {
            const string path = "content.templateData.header";
            switch (header.Type)
            {
                case "TEXT":
                    v.Text($"{path}.placeholder", header.Placeholder, 60);
                    if (header.Placeholder is not null && (header.Placeholder.Contains('\n', StringComparison.Ordinal) || header.Placeholder.Contains('\t', StringComparison.Ordinal) || header.Placeholder.Contains("     ", StringComparison.Ordinal)))
                    {
                        v.Add($"{path}.placeholder", "cannot have new-line or tab characters or more than 4 consecutive spaces");
                    }

                    break;
                case "IMAGE" or "VIDEO" or "GIF" or "DOCUMENT":
                    v.Url($"{path}.mediaUrl", header.MediaUrl, 2048);
                    if (header.Type == "DOCUMENT")
                    {
                        v.Text($"{path}.filename", header.Filename, 240);
                    }

                    break;
                case "LOCATION":
                    if (header.Latitude is not (>= -90 and <= 90))
                    {
                        v.Add($"{path}.latitude", "must be between -90 and 90");
                    }

                    if (header.Longitude is not (>= -180 and <= 180))
                    {
                        v.Add($"{path}.longitude", "must be between -180 and 180");
                    }

                    break;
                default:
                    v.Add($"{path}.type", $"'{header.Type}' is not one of TEXT, IMAGE, VIDEO, GIF, DOCUMENT, LOCATION");
                    break;
            }
        }

        var buttons = message.Buttons ?? [];
        if (buttons.Count > 10)
        {
            v.Add("content.templateData.buttons", $"may have at most 10 buttons (got {buttons.Count})");
        }

        if (buttons.Count(b => b.Type == "URL") > 2)
        {
            v.Add("content.templateData.buttons", "may have at most 2 dynamic URL buttons");
        }

        if (buttons.Count(b => b.Type == "COPY_CODE") > 1)
        {
            v.Add("content.templateData.buttons", "may have at most 1 copy-code button");
        }

        for (var i = 0; i < buttons.Count; i++)
        {
            var path = $"content.templateData.buttons[{i}].parameter";
            switch (buttons[i].Type)
            {
                case "QUICK_REPLY":
                    v.Text(path, buttons[i].Parameter, 128);
                    break;
                case "URL":
                    v.Text(path, buttons[i].Parameter, 2000);
                    break;
                case "COPY_CODE":
                    v.Text(path, buttons[i].Parameter, 15);
                    break;
                default:
                    v.Add($"content.templateData.buttons[{i}].type", $"'{buttons[i].Type}' is not one of QUICK_REPLY, URL, COPY_CODE");
                    break;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex TemplateName();

    [GeneratedRegex("^[a-z]{2,3}(_[A-Za-z]{2,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Language();

    private readonly struct Checker(string prefix, List<InfobipFieldError> errors)
    {
        public void Add(string field, string reason) => errors.Add(new(prefix + field, reason));

        public void Text(string field, string? value, int max, string? missing = null)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, missing ?? "must not be blank");
            }
            else
            {
                MaxLength(field, value, max);
            }
        }

        public void MaxLength(string field, string? value, int max)
        {
            if (value is not null && value.Length > max)
            {
                Add(field, $"must be at most {max} characters (got {value.Length})");
            }
        }

        public void Url(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, "must not be blank");
            }
            else if (value.Length > max)
            {
                Add(field, $"must be at most {max} characters (got {value.Length})");
            }
            else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                Add(field, "must be an absolute http or https URL");
            }
        }
    }
}
