namespace JourneyPlugin.Infobip.Messages;

/// <summary>A value for one of the template's buttons, in the order the template registered them.</summary>
/// <param name="Type"><c>QUICK_REPLY</c> (payload, 1–128), <c>URL</c> (the dynamic URL suffix) or <c>COPY_CODE</c> (1–15).</param>
/// <param name="Parameter">The payload, URL suffix or code.</param>
public sealed record InfobipTemplateButton(string Type, string Parameter);
