using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox.Recording;
using JourneyPlugin.Infobip.Sandbox.Scheduling;
using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http.Control;

/// <summary><c>GET /sandbox/health</c>: whether the sandbox is up, its senders and what it is doing.</summary>
internal sealed class HealthEndpoint(IReadOnlyList<string> senders, MessageLog messages, PendingWork pending)
{
    public IResponseMessage Handle() => SandboxResponses.Json(200, new JsonObject
    {
        ["status"] = "Healthy",
        ["senders"] = new JsonArray([.. senders.Select(s => (JsonNode)s)]),
        ["acceptedMessages"] = messages.Count,
        ["pendingEvents"] = pending.Count,
    });
}
