using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.WhatsApp.Messaging;
using JourneyPlugin.Workflows.Models;
using JourneyPlugin.Workflows.Validation;

namespace JourneyPlugin.WhatsApp.Activities;

/// <summary>
/// Checks a send's templates against the connection's catalogue before launch: the template exists
/// in that language, is approved, and gets as many placeholders as it has.
/// </summary>
internal sealed class SendWhatsAppTemplateValidator(IWhatsAppGateway gateway) : IActivityValidator
{
    public bool CanValidate(string typeName) => typeName == "Journeys.SendInfobipWhatsApp";

    public async ValueTask ValidateAsync(ActivityValidationContext context, CancellationToken cancellationToken)
    {
        var node = context.Node;
        var connection = Literal(node.GetInput("connection"));
        if (connection is null)
        {
            return;
        }

        if (await gateway.GetSenderAsync(connection, cancellationToken).ConfigureAwait(false) is null)
        {
            context.Report("connection", $"there is no WhatsApp connection '{connection}'");
            return;
        }

        var templates = await gateway.GetTemplatesAsync(connection, cancellationToken).ConfigureAwait(false);
        if (templates is null)
        {
            return;
        }

        var kind = Literal(node.GetInput("messageKind")) ?? nameof(WhatsAppMessageKind.Template);
        if (string.Equals(kind, nameof(WhatsAppMessageKind.Template), StringComparison.OrdinalIgnoreCase))
        {
            if (Check(context, templates, connection, "templateName", "language", "placeholders") is { } template)
            {
                CheckHeaderAndButtons(context, template);
            }
        }

        Check(context, templates, connection, "fallbackTemplateName", "fallbackLanguage", "fallbackPlaceholders");
    }

    private static void CheckHeaderAndButtons(ActivityValidationContext context, WhatsAppTemplateInfo template)
    {
        // An editor clears a field to "", not to nothing: both are missing.
        if (template.HeaderNeedsMedia && IsBlank(context.Node.GetInput("mediaUrl")?.Value))
        {
            context.Report("mediaUrl", $"template '{template.Name}' has a media header; give its media URL");
        }

        if (context.Node.GetInput("buttonParameters") is { ExpressionType: ExpressionTypes.Literal } or null)
        {
            var given = context.Node.GetInput("buttonParameters")?.Value is JsonArray values ? values.Count : 0;
            if (given < template.RequiredButtonParameters)
            {
                context.Report("buttonParameters", $"template '{template.Name}' has {template.RequiredButtonParameters} dynamic URL or copy-code buttons; this step gives {given} button values");
            }
        }
    }

    private static bool IsBlank(JsonNode? value) =>
        value is null || (value is JsonValue text && text.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s));

    private static WhatsAppTemplateInfo? Check(ActivityValidationContext context, IReadOnlyList<WhatsAppTemplateInfo> templates, string connection, string nameInput, string languageInput, string placeholdersInput)
    {
        var node = context.Node;
        var name = Literal(node.GetInput(nameInput));
        if (name is null)
        {
            if (nameInput == "templateName")
            {
                context.Report(nameInput, "a template message needs a template name");
            }

            return null;
        }

        var language = Literal(node.GetInput(languageInput)) ?? "en";
        var sameName = templates.Where(t => t.Name == name).ToList();
        if (sameName.Count == 0)
        {
            var known = string.Join(", ", templates.Select(t => t.Name).Distinct().Order(StringComparer.Ordinal));
            context.Report(nameInput, $"template '{name}' does not exist in connection '{connection}' (its templates: {known})");
            return null;
        }

        var template = sameName.FirstOrDefault(t => t.Language == language);
        if (template is null)
        {
            context.Report(languageInput, $"template '{name}' has no '{language}' version (it has {string.Join(", ", sameName.Select(t => t.Language))})");
            return null;
        }

        if (!template.IsApproved)
        {
            context.Report(nameInput, $"template '{name}' ({language}) is {template.Status}, not approved; WhatsApp will not deliver it");
        }

        if (node.GetInput(placeholdersInput) is { ExpressionType: ExpressionTypes.Literal, Value: var value })
        {
            var given = value is JsonArray array ? array.Count : 0;
            if (given != template.BodyPlaceholderCount)
            {
                context.Report(placeholdersInput, $"template '{name}' has {template.BodyPlaceholderCount} body placeholders; this step gives {given}");
            }
        }

        return template;
    }

    private static string? Literal(Workflows.Definitions.InputValue? input) =>
        input is { ExpressionType: ExpressionTypes.Literal, Value: JsonValue value } && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text
            ? text
            : null;
}
