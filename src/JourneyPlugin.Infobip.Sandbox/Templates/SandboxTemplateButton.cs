namespace JourneyPlugin.Infobip.Sandbox.Templates;

/// <summary>A template button.</summary>
/// <param name="Type"><c>QUICK_REPLY</c>, <c>URL</c>, <c>PHONE_NUMBER</c> or <c>COPY_CODE</c>.</param>
/// <param name="Text">The button's label.</param>
public sealed record SandboxTemplateButton(string Type, string Text)
{
    /// <summary>The URL of a <c>URL</c> button; a <c>{{1}}</c> in it makes the button dynamic.</summary>
    public string? Url { get; init; }

    /// <summary>The number a <c>PHONE_NUMBER</c> button calls.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The one-time-password kind of an authentication button, e.g. <c>COPY_CODE</c>.</summary>
    public string? OtpType { get; init; }

    /// <summary>Whether every send must supply this button's URL suffix as a parameter.</summary>
    public bool IsDynamicUrl =>
        Type == "URL" && Url is not null && Url.Contains("{{1}}", StringComparison.Ordinal);
}
