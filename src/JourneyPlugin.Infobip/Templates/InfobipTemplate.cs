namespace JourneyPlugin.Infobip.Templates;

/// <summary>A WhatsApp template registered for a sender, with the placeholders it needs.</summary>
public sealed record InfobipTemplate
{
    /// <summary>Infobip's id (a large number, kept as text).</summary>
    public required string Id { get; init; }

    /// <summary>The template name used when sending.</summary>
    public required string Name { get; init; }

    /// <summary>The registered language, e.g. <c>en</c> or <c>en_GB</c>.</summary>
    public required string Language { get; init; }

    /// <summary><c>MARKETING</c>, <c>UTILITY</c> or <c>AUTHENTICATION</c>.</summary>
    public required string Category { get; init; }

    /// <summary><c>APPROVED</c>, <c>PENDING</c>, <c>REJECTED</c>, …; only approved templates can be sent.</summary>
    public required string Status { get; init; }

    /// <summary>The header's format (<c>TEXT</c>, <c>IMAGE</c>, <c>VIDEO</c>, <c>GIF</c>, <c>DOCUMENT</c>, <c>LOCATION</c>), when it has one.</summary>
    public string? HeaderFormat { get; init; }

    /// <summary>The text of a text header.</summary>
    public string? HeaderText { get; init; }

    /// <summary>The body text with its <c>{{n}}</c> placeholders.</summary>
    public string? BodyText { get; init; }

    /// <summary>The footer text.</summary>
    public string? FooterText { get; init; }

    /// <summary>The buttons, in registered order.</summary>
    public IReadOnlyList<InfobipTemplateButtonDefinition> Buttons { get; init; } = [];

    /// <summary>Every value a send of this template must supply, header first, then body, then buttons.</summary>
    public IReadOnlyList<InfobipTemplatePlaceholder> Placeholders { get; init; } = [];

    /// <summary>How many body placeholders a send must fill.</summary>
    public int BodyPlaceholderCount => Placeholders.Count(p => p.Component == InfobipTemplateComponent.Body);

    /// <summary>Whether the template can be sent.</summary>
    public bool IsApproved => string.Equals(Status, "APPROVED", StringComparison.OrdinalIgnoreCase);
}
