using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox.Templates;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using Microsoft.Extensions.Logging;
using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary><c>GET /whatsapp/2/senders/{sender}/templates</c>: <c>{"templates":[TemplateApiResponse…]}</c>.</summary>
internal sealed class TemplatesEndpoint(
    ApiKeyAuthenticator authenticator,
    IReadOnlyList<string> senders,
    TemplateCatalog catalog,
    ILogger logger)
{
    public IResponseMessage Handle(IRequestMessage request)
    {
        if (!authenticator.IsAuthorized(request))
        {
            return Refusals.Log(logger, request, InfobipErrors.Unauthorized(), "missing or wrong API key");
        }

        // The route guarantees /whatsapp/2/senders/{sender}/templates.
        var sender = Uri.UnescapeDataString(request.Path.Split('/')[4]);
        if (!senders.Contains(sender))
        {
            return Refusals.Log(logger, request, InfobipErrors.ForbiddenSender(sender), $"sender {PhoneNumber.Redact(sender)} is not registered");
        }

        var templates = new JsonArray([.. catalog.All.Select(t => (JsonNode)TemplateJson.ToJson(t))]);
        return SandboxResponses.Json(200, new JsonObject { ["templates"] = templates });
    }
}
