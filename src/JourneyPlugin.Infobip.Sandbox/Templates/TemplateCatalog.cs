namespace JourneyPlugin.Infobip.Sandbox.Templates;

/// <summary>Looks templates up by name and language.</summary>
internal sealed class TemplateCatalog(IReadOnlyList<SandboxTemplate> templates)
{
    public IReadOnlyList<SandboxTemplate> All => templates;

    public SandboxTemplate? Find(string name, string language) =>
        templates.FirstOrDefault(t => t.Name == name && t.Language == language);

    public IReadOnlyList<string> LanguagesOf(string name) =>
        [.. templates.Where(t => t.Name == name).Select(t => t.Language)];
}
