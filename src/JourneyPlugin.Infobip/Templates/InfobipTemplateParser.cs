using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace JourneyPlugin.Infobip.Templates;

/// <summary>
/// Reads the answer of <c>GET /whatsapp/2/senders/{sender}/templates</c>. Lenient about values
/// Infobip adds over time (new statuses, categories, button types): they are kept as text.
/// </summary>
internal static partial class InfobipTemplateParser
{
    public static IReadOnlyList<InfobipTemplate> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("templates", out var templates) || templates.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("$.templates: required array is missing");
        }

        return templates.EnumerateArray().Select(ParseTemplate).ToList();
    }

    /// <summary>The distinct <c>{{n}}</c> numbers of <paramref name="text"/>, in ascending order.</summary>
    public static IReadOnlyList<int> PlaceholderNumbers(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order().ToList();

    private static InfobipTemplate ParseTemplate(JsonElement template)
    {
        var structure = template.TryGetProperty("structure", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var header = Child(structure, "header");
        var headerFormat = GetString(header, "format");
        var headerText = GetString(header, "text");
        var bodyText = GetString(Child(structure, "body"), "text");
        var buttons = new List<InfobipTemplateButtonDefinition>();
        if (structure.ValueKind == JsonValueKind.Object && structure.TryGetProperty("buttons", out var b) && b.ValueKind == JsonValueKind.Array)
        {
            buttons.AddRange(b.EnumerateArray().Select(button => new InfobipTemplateButtonDefinition(
                GetString(button, "type") ?? "UNKNOWN", GetString(button, "text"), GetString(button, "url"))));
        }

        var placeholders = new List<InfobipTemplatePlaceholder>();
        switch (headerFormat?.ToUpperInvariant())
        {
            case "TEXT":
                placeholders.AddRange(PlaceholderNumbers(headerText).Select(n => new InfobipTemplatePlaceholder(InfobipTemplateComponent.Header, n, InfobipTemplatePlaceholderKind.Text)));
                break;
            case "IMAGE" or "VIDEO" or "GIF" or "DOCUMENT":
                placeholders.Add(new(InfobipTemplateComponent.Header, 1, InfobipTemplatePlaceholderKind.MediaUrl));
                break;
            case "LOCATION":
                placeholders.Add(new(InfobipTemplateComponent.Header, 1, InfobipTemplatePlaceholderKind.Location));
                break;
        }

        placeholders.AddRange(PlaceholderNumbers(bodyText).Select(n => new InfobipTemplatePlaceholder(InfobipTemplateComponent.Body, n, InfobipTemplatePlaceholderKind.Text)));
        for (var i = 0; i < buttons.Count; i++)
        {
            if (buttons[i].Type == "URL" && PlaceholderNumbers(buttons[i].Url).Count > 0)
            {
                placeholders.Add(new(InfobipTemplateComponent.Button, i, InfobipTemplatePlaceholderKind.UrlSuffix));
            }
            else if (buttons[i].Type == "COPY_CODE")
            {
                placeholders.Add(new(InfobipTemplateComponent.Button, i, InfobipTemplatePlaceholderKind.CouponCode));
            }
        }

        return new InfobipTemplate
        {
            Id = GetString(template, "id") ?? string.Empty,
            Name = GetString(template, "name") ?? string.Empty,
            Language = GetString(template, "language") ?? string.Empty,
            Category = GetString(template, "category") ?? string.Empty,
            Status = GetString(template, "status") ?? string.Empty,
            HeaderFormat = headerFormat,
            HeaderText = headerText,
            BodyText = bodyText,
            FooterText = GetString(Child(structure, "footer"), "text"),
            Buttons = buttons,
            Placeholders = placeholders,
        };
    }

    private static JsonElement Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : default;

    // Ids are numbers in some answers and strings in others; both are kept as text.
    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    [GeneratedRegex(@"\{\{\s*(\d+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
