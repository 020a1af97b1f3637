using System.Globalization;
using System.Text.Json;
using JourneyPlugin.Infobip.Sandbox.Templates;

namespace JourneyPlugin.Infobip.Sandbox.Validation;

/// <summary>
/// Checks <c>TemplateContent</c> against the catalogue: the template must exist in that language and
/// be approved, and the request must fill every body placeholder, a media header and each dynamic
/// URL button.
/// </summary>
internal static class TemplateContentRules
{
    private const string NamePath = "content.templateName";
    private const string DataPath = "content.templateData";
    private const string PlaceholdersPath = DataPath + ".body.placeholders";
    private const string HeaderPath = DataPath + ".header";
    private const string ButtonsPath = DataPath + ".buttons";

    public static ContentSummary? Validate(JsonElement content, TemplateCatalog catalog, ValidationErrors errors)
    {
        var name = FieldRules.RequiredText(content, "templateName", NamePath, 1, 512, errors);
        var language = FieldRules.RequiredText(content, "language", "content.language", 1, 20, errors);
        var data = FieldRules.RequiredObject(content, "templateData", DataPath, errors);
        var placeholders = data is { } d ? Placeholders(d, errors) : null;

        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var template = catalog.Find(name, language);
        if (template is null)
        {
            var languages = catalog.LanguagesOf(name);
            errors.Add(NamePath, languages.Count == 0
                ? $"template '{name}' does not exist for this sender"
                : $"template '{name}' does not exist in language '{language}' (registered in: {string.Join(", ", languages)})");
            return null;
        }

        if (!template.IsApproved)
        {
            errors.Add(NamePath, $"template '{name}' ({language}) is {template.Status}; only APPROVED templates can be sent");
            return null;
        }

        var expected = TemplatePlaceholders.Count(template.Structure.Body);
        if (placeholders is not null && placeholders.Count != expected)
        {
            errors.Add(PlaceholdersPath, string.Create(CultureInfo.InvariantCulture, $"expected {expected} placeholders, got {placeholders.Count}"));
        }

        if (data is { } templateData)
        {
            ValidateHeader(template, templateData, errors);
            ValidateButtons(template, templateData, errors);
        }

        var values = placeholders ?? [];
        return new ContentSummary(TemplatePlaceholders.Render(template.Structure.Body, values))
        {
            TemplateName = template.Name,
            TemplateLanguage = template.Language,
            Placeholders = values,
        };
    }

    private static List<string>? Placeholders(JsonElement data, ValidationErrors errors)
    {
        if (FieldRules.RequiredObject(data, "body", DataPath + ".body", errors) is not { } body
            || FieldRules.RequiredArray(body, "placeholders", PlaceholdersPath, 0, int.MaxValue, errors) is not { } array)
        {
            return null;
        }

        var values = new List<string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{PlaceholdersPath}[{index++}]");
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(path, item.ValueKind == JsonValueKind.Null ? FieldRules.MustNotBeNull : "must be a string");
                continue;
            }

            var value = item.GetString()!;
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(path, FieldRules.MustNotBeBlank);
            }

            values.Add(value);
        }

        return values;
    }

    private static void ValidateHeader(SandboxTemplate template, JsonElement data, ValidationErrors errors)
    {
        var registered = template.Structure.Header;
        var given = FieldRules.OptionalObject(data, "header", HeaderPath, errors);
        if (registered is { IsMedia: true })
        {
            if (given is not { } media)
            {
                errors.Add(HeaderPath, $"must not be null: template '{template.Name}' has a {registered.Format} header, so every send needs its mediaUrl");
                return;
            }

            var type = FieldRules.RequiredText(media, "type", HeaderPath + ".type", 1, 20, errors);
            if (type is not null && type != registered.Format)
            {
                errors.Add(HeaderPath + ".type", $"must be {registered.Format}, the format of the template's header");
            }

            FieldRules.RequiredUrl(media, "mediaUrl", HeaderPath + ".mediaUrl", 2048, errors);
            if (registered.Format == "DOCUMENT")
            {
                FieldRules.OptionalText(media, "filename", HeaderPath + ".filename", 240, errors);
            }
        }
        else if (registered is { Format: "TEXT" } && TemplatePlaceholders.Count(registered.Text) > 0)
        {
            if (given is not { } text)
            {
                errors.Add(HeaderPath, $"must not be null: template '{template.Name}' has a placeholder in its header");
                return;
            }

            FieldRules.RequiredText(text, "placeholder", HeaderPath + ".placeholder", 1, 60, errors);
        }
        else if (given is not null)
        {
            errors.Add(HeaderPath, $"must be null: template '{template.Name}' has no header to fill in");
        }
    }

    private static void ValidateButtons(SandboxTemplate template, JsonElement data, ValidationErrors errors)
    {
        var urlParameters = 0;
        if (FieldRules.TryGet(data, "buttons", out var buttons))
        {
            if (buttons.ValueKind != JsonValueKind.Array)
            {
                errors.Add(ButtonsPath, "must be an array");
                return;
            }

            var index = 0;
            foreach (var button in buttons.EnumerateArray())
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"{ButtonsPath}[{index++}]");
                if (button.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(path, "must be an object");
                    continue;
                }

                var type = FieldRules.RequiredText(button, "type", path + ".type", 1, 20, errors);
                var parameter = FieldRules.RequiredText(button, "parameter", path + ".parameter", 1, type == "QUICK_REPLY" ? 128 : 2000, errors);
                if (type == "URL" && !string.IsNullOrWhiteSpace(parameter))
                {
                    urlParameters++;
                }
            }
        }

        var dynamicUrls = template.Structure.Buttons.Where(b => b.IsDynamicUrl).ToList();
        for (var i = urlParameters; i < dynamicUrls.Count; i++)
        {
            errors.Add(ButtonsPath, $"must hold a URL parameter for the dynamic URL button '{dynamicUrls[i].Text}' of template '{template.Name}'");
        }
    }
}
