using JourneyPlugin.Infobip.Templates;

namespace JourneyPlugin.Server.Connections;

/// <summary>A template of the vendor's catalogue with the values a send must supply.</summary>
internal sealed record TemplateResponse(string Name, string Language, string Status, string Category, string? BodyText, IReadOnlyList<TemplatePlaceholderResponse> Placeholders)
{
    public static TemplateResponse From(InfobipTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new TemplateResponse(
            template.Name,
            template.Language,
            template.Status,
            template.Category,
            template.BodyText,
            template.Placeholders.Select(p => new TemplatePlaceholderResponse(Camel(p.Component.ToString()), Camel(p.Kind.ToString()), p.Position)).ToList());
    }

    private static string Camel(string name) => string.Concat(name[..1].ToLowerInvariant(), name[1..]);
}

/// <summary>One value a send of the template needs: <c>{ component: "body", kind: "text", index: 1 }</c> for <c>{{1}}</c> of the body.</summary>
internal sealed record TemplatePlaceholderResponse(string Component, string Kind, int Index);
