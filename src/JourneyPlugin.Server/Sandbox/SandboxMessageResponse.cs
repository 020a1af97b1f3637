using JourneyPlugin.Infobip.Sandbox;

namespace JourneyPlugin.Server.Sandbox;

/// <summary>A message the sandbox accepted, as a customer would receive it.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="From">The sender.</param>
/// <param name="To">The customer.</param>
/// <param name="Kind">How it was sent: <c>Text</c>, <c>Template</c>, <c>Image</c>, …</param>
/// <param name="Text">What the customer reads (a template's body with its placeholders filled in).</param>
/// <param name="TemplateName">The template, for template messages.</param>
/// <param name="TemplatePlaceholders">The template's placeholder values.</param>
/// <param name="Outcome">Whether it reaches the customer.</param>
/// <param name="AcceptedAt">When the sandbox accepted it.</param>
internal sealed record SandboxMessageResponse(
    string MessageId,
    string From,
    string To,
    string Kind,
    string? Text,
    string? TemplateName,
    IReadOnlyList<string> TemplatePlaceholders,
    string Outcome,
    DateTimeOffset AcceptedAt)
{
    public static SandboxMessageResponse Of(SandboxMessage message) => new(
        message.MessageId,
        message.From,
        message.To,
        message.Kind.ToString(),
        message.Text,
        message.TemplateName,
        message.TemplatePlaceholders,
        message.Outcome.ToString(),
        message.AcceptedAt);
}
