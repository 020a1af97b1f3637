using System.Text.Json;
using JourneyPlugin.Infobip.Sandbox.Serialization;
using JourneyPlugin.Infobip.Sandbox.Validation;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using Microsoft.Extensions.Logging;
using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>The single-message endpoints: text, media and interactive messages.</summary>
internal sealed class SendMessageEndpoint(
    ApiKeyAuthenticator authenticator,
    FaultGate faults,
    MessageValidator validator,
    IReadOnlyList<string> senders,
    MessageAcceptor acceptor,
    ILogger logger)
{
    public async Task<IResponseMessage> HandleAsync(IRequestMessage request, SandboxMessageKind kind)
    {
        if (!authenticator.IsAuthorized(request))
        {
            return Refusals.Log(logger, request, InfobipErrors.Unauthorized(), "missing or wrong API key");
        }

        var fault = await faults.EnterAsync(request).ConfigureAwait(false);
        if (fault.Response is { } faulted)
        {
            return faulted;
        }

        var response = Process(request, kind);
        await faults.HoldAsync(request, fault.Hold).ConfigureAwait(false);
        return response;
    }

    private IResponseMessage Process(IRequestMessage request, SandboxMessageKind kind)
    {
        using var document = SandboxJson.TryParse(RequestReader.Body(request));
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return Refusals.Log(logger, request, InfobipErrors.BadRequest(), "the body is not a JSON object");
        }

        var errors = new ValidationErrors();
        var message = validator.Validate(document.RootElement, kind, errors);
        if (message is null)
        {
            return Refusals.Log(logger, request, InfobipErrors.BadRequest(errors), "invalid " + string.Join(", ", errors.Fields));
        }

        if (!senders.Contains(message.From))
        {
            return Refusals.Log(logger, request, InfobipErrors.ForbiddenSender(message.From), $"sender {PhoneNumber.Redact(message.From)} is not registered");
        }

        return SandboxResponses.Json(200, ResponsePayloads.Single(acceptor.Accept(message, bulkId: null)));
    }
}
