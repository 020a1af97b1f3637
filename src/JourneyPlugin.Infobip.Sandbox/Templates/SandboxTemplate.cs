namespace JourneyPlugin.Infobip.Sandbox.Templates;

/// <summary>
/// A WhatsApp template registered for the sandbox's senders, in the shape of Infobip's
/// <c>TemplateApiResponse</c> (<c>GET /whatsapp/2/senders/{sender}/templates</c>).
/// </summary>
public sealed record SandboxTemplate
{
    /// <summary>Infobip's template id; a string because real ids overflow a 32-bit integer.</summary>
    public required string Id { get; init; }

    /// <summary>The WhatsApp Business Account the template belongs to.</summary>
    public long BusinessAccountId { get; init; } = 112233445566778;

    /// <summary>The template name, lowercase letters, digits and underscores.</summary>
    public required string Name { get; init; }

    /// <summary>The language code the template was registered in, e.g. <c>en</c> or <c>en_GB</c>.</summary>
    public required string Language { get; init; }

    /// <summary>Meta's review status; only <c>APPROVED</c> templates can be sent.</summary>
    public string Status { get; init; } = "APPROVED";

    /// <summary><c>MARKETING</c>, <c>UTILITY</c> or <c>AUTHENTICATION</c>.</summary>
    public required string Category { get; init; }

    /// <summary>Header, body, footer and buttons.</summary>
    public required SandboxTemplateStructure Structure { get; init; }

    /// <summary>Whether the template can be sent.</summary>
    public bool IsApproved => string.Equals(Status, "APPROVED", StringComparison.Ordinal);
}
