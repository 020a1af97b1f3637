using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Infobip.Sandbox.Http.Control;

/// <summary>Writes a recorded message for <c>GET /sandbox/messages</c>.</summary>
internal static class SandboxMessageJson
{
    public static JsonObject ToJson(SandboxMessage message) => new()
    {
        ["messageId"] = message.MessageId,
        ["from"] = message.From,
        ["to"] = message.To,
        ["kind"] = JsonNamingPolicy.SnakeCaseUpper.ConvertName(message.Kind.ToString()),
        ["text"] = message.Text,
        ["templateName"] = message.TemplateName,
        ["templateLanguage"] = message.TemplateLanguage,
        ["templatePlaceholders"] = new JsonArray([.. message.TemplatePlaceholders.Select(p => (JsonNode)p)]),
        ["bulkId"] = message.BulkId,
        ["callbackData"] = message.CallbackData,
        ["notifyUrl"] = message.NotifyUrl,
        ["outcome"] = JsonNamingPolicy.SnakeCaseUpper.ConvertName(message.Outcome.ToString()),
        ["acceptedAt"] = message.AcceptedAt,
        ["request"] = JsonNode.Parse(message.RequestJson),
    };
}
