namespace JourneyPlugin.WhatsApp.Messaging;

/// <summary>A template of a connection's catalogue, as validation needs it.</summary>
/// <param name="Name">The template name.</param>
/// <param name="Language">The registered language.</param>
/// <param name="Status">The vendor's status (<c>APPROVED</c>, …).</param>
/// <param name="BodyPlaceholderCount">How many body placeholders a send fills.</param>
/// <param name="HeaderNeedsMedia">Whether a send must give a header media URL.</param>
/// <param name="RequiredButtonParameters">How many button values a send must give (dynamic URL and copy-code buttons).</param>
public sealed record WhatsAppTemplateInfo(string Name, string Language, string Status, int BodyPlaceholderCount, bool HeaderNeedsMedia, int RequiredButtonParameters = 0)
{
    /// <summary>Whether the template can be sent.</summary>
    public bool IsApproved => string.Equals(Status, "APPROVED", StringComparison.OrdinalIgnoreCase);
}
