namespace JourneyPlugin.Infobip.Sandbox.Templates;

/// <summary>The parts of a template, as in Infobip's <c>structure</c> object.</summary>
public sealed record SandboxTemplateStructure
{
    /// <summary>The header, if any.</summary>
    public SandboxTemplateHeader? Header { get; init; }

    /// <summary>The body text with its <c>{{1}}</c>, <c>{{2}}</c> … placeholders.</summary>
    public required string Body { get; init; }

    /// <summary>The footer text, if any.</summary>
    public string? Footer { get; init; }

    /// <summary>The buttons, in registered order.</summary>
    public IReadOnlyList<SandboxTemplateButton> Buttons { get; init; } = [];

    /// <summary>Infobip's read-only summary: <c>MEDIA</c> for a media header, otherwise <c>TEXT</c>.</summary>
    public string Type => Header is { IsMedia: true } ? "MEDIA" : "TEXT";
}
