namespace JourneyPlugin.Infobip.Sandbox.Validation;

/// <summary>What the sandbox records of a message's content.</summary>
/// <param name="Text">What the customer reads.</param>
internal sealed record ContentSummary(string? Text)
{
    public string? TemplateName { get; init; }

    public string? TemplateLanguage { get; init; }

    public IReadOnlyList<string> Placeholders { get; init; } = [];
}
