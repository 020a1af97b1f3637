namespace JourneyPlugin.Infobip.Templates;

/// <summary>A button as registered in a template.</summary>
/// <param name="Type"><c>QUICK_REPLY</c>, <c>URL</c>, <c>PHONE_NUMBER</c>, <c>COPY_CODE</c>, …</param>
/// <param name="Text">The label.</param>
/// <param name="Url">The URL of a URL button, possibly with a <c>{{1}}</c> suffix.</param>
public sealed record InfobipTemplateButtonDefinition(string Type, string? Text, string? Url);
