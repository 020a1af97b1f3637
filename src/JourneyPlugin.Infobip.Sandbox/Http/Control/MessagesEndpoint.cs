using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox.Recording;
using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http.Control;

/// <summary>
/// <c>GET /sandbox/messages[?to=&lt;customer&gt;]</c>: every accepted message, so that a test can count
/// what customers received even after the product that sent them was killed.
/// </summary>
internal sealed class MessagesEndpoint(MessageLog messages)
{
    public IResponseMessage Handle(IRequestMessage request)
    {
        var to = RequestReader.Query(request, "to");
        var selected = messages.Snapshot().Where(m => to is null || m.To == to);
        return SandboxResponses.Json(200, new JsonObject
        {
            ["messages"] = new JsonArray([.. selected.Select(m => (JsonNode)SandboxMessageJson.ToJson(m))]),
        });
    }
}
