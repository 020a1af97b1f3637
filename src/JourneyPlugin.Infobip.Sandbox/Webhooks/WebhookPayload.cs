using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox.Serialization;

namespace JourneyPlugin.Infobip.Sandbox.Webhooks;

/// <summary>The body of one webhook POST and its signature.</summary>
internal static class WebhookPayload
{
    /// <summary>
    /// <c>{"results":[…]}</c>; inbound messages add <c>messageCount</c> and <c>pendingMessageCount</c>
    /// as Infobip's do.
    /// </summary>
    public static byte[] Serialize(WebhookKind kind, IReadOnlyList<WebhookItem> batch)
    {
        var root = new JsonObject { ["results"] = new JsonArray([.. batch.Select(i => (JsonNode)i.Result.DeepClone())]) };
        if (kind == WebhookKind.InboundMessage)
        {
            root["messageCount"] = batch.Count;
            root["pendingMessageCount"] = 0;
        }

        return SandboxJson.SerializeToUtf8Bytes(root);
    }

    /// <summary>HMAC-SHA256 of the body with the shared secret, as <c>sha256=&lt;lowercase hex&gt;</c>.</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
