namespace JourneyPlugin.Infobip.Sandbox.Templates;

/// <summary>A template header.</summary>
/// <param name="Format"><c>TEXT</c>, <c>IMAGE</c>, <c>VIDEO</c>, <c>DOCUMENT</c> or <c>LOCATION</c>.</param>
/// <param name="Text">The text of a <c>TEXT</c> header, which may hold one <c>{{1}}</c>.</param>
public sealed record SandboxTemplateHeader(string Format, string? Text = null)
{
    /// <summary>Whether the sender must give a media URL with every send.</summary>
    public bool IsMedia => Format is "IMAGE" or "VIDEO" or "DOCUMENT";
}
