using System.Text.Json;
using JourneyPlugin.Infobip.Sandbox.Templates;

namespace JourneyPlugin.Infobip.Sandbox.Validation;

/// <summary>
/// Checks one message (a single-message body, or one element of a template request's
/// <c>messages</c>) against Infobip's limits. Paths carry no <c>messages[0].</c> prefix, as Infobip's do not.
/// </summary>
internal sealed class MessageValidator(TemplateCatalog templates)
{
    /// <summary>The message if it is valid; otherwise null, with the reasons in <paramref name="errors"/>.</summary>
    public ValidatedMessage? Validate(JsonElement message, SandboxMessageKind kind, ValidationErrors errors)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            errors.Add("message", "must be an object");
            return null;
        }

        var from = FieldRules.RequiredText(message, "from", "from", 1, 24, errors);
        var to = FieldRules.RequiredText(message, "to", "to", 1, 150, errors);
        if (!string.IsNullOrWhiteSpace(to) && RecipientRules.Check(to) is { } reason)
        {
            errors.Add("to", reason);
        }

        var messageId = FieldRules.OptionalText(message, "messageId", "messageId", 200, errors);
        var callbackData = FieldRules.OptionalText(message, "callbackData", "callbackData", 4000, errors);
        var notifyUrl = FieldRules.OptionalUrl(message, "notifyUrl", "notifyUrl", 2048, errors);

        ContentSummary? summary = null;
        if (FieldRules.RequiredObject(message, "content", "content", errors) is { } content)
        {
            summary = kind switch
            {
                SandboxMessageKind.Text => TextContentRules.Validate(content, errors),
                SandboxMessageKind.Image or SandboxMessageKind.Video => MediaContentRules.Validate(content, captioned: true, named: false, errors),
                SandboxMessageKind.Document => MediaContentRules.Validate(content, captioned: true, named: true, errors),
                SandboxMessageKind.Audio => MediaContentRules.Validate(content, captioned: false, named: false, errors),
                SandboxMessageKind.InteractiveButtons => InteractiveButtonsContentRules.Validate(content, errors),
                SandboxMessageKind.InteractiveList => InteractiveListContentRules.Validate(content, errors),
                SandboxMessageKind.Template => TemplateContentRules.Validate(content, templates, errors),
                _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
            };
        }

        if (errors.HasErrors || summary is null)
        {
            return null;
        }

        return new ValidatedMessage(
            from!,
            to!,
            string.IsNullOrWhiteSpace(messageId) ? null : messageId,
            callbackData,
            notifyUrl,
            kind,
            summary,
            message.GetRawText());
    }
}
