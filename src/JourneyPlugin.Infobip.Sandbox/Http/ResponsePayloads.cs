using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox.Delivery;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>Infobip's answers to an accepted send.</summary>
internal static class ResponsePayloads
{
    /// <summary><c>SingleMessageInfo</c>, the answer a Quick Test shows.</summary>
    public static JsonObject Single(SandboxMessage message) => new()
    {
        ["to"] = message.To,
        ["messageCount"] = 1,
        ["messageId"] = message.MessageId,
        ["status"] = InfobipStatuses.PendingEnroute(),
    };

    /// <summary><c>BulkMessageInfo</c>, the answer to a template request.</summary>
    public static JsonObject Bulk(IEnumerable<SandboxMessage> messages, string? bulkId) => new()
    {
        ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)Single(m))]),
        ["bulkId"] = bulkId,
    };
}
