using System.Text.Json;
using JourneyPlugin.Infobip.Sandbox.Serialization;
using JourneyPlugin.Infobip.Sandbox.Validation;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using Microsoft.Extensions.Logging;
using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>
/// <c>POST /whatsapp/1/message/template</c>: <c>{"messages":[…],"bulkId"?}</c>. All messages are
/// checked before any is accepted, so a bad element refuses the whole request.
/// </summary>
internal sealed class SendTemplateEndpoint(
    ApiKeyAuthenticator authenticator,
    FaultGate faults,
    MessageValidator validator,
    IReadOnlyList<string> senders,
    MessageAcceptor acceptor,
    ILogger logger)
{
    public async Task<IResponseMessage> HandleAsync(IRequestMessage request)
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

        var response = Process(request);
        await faults.HoldAsync(request, fault.Hold).ConfigureAwait(false);
        return response;
    }

    private IResponseMessage Process(IRequestMessage request)
    {
        using var document = SandboxJson.TryParse(RequestReader.Body(request));
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return Refusals.Log(logger, request, InfobipErrors.BadRequest(), "the body is not a JSON object");
        }

        var root = document.RootElement;
        var errors = new ValidationErrors();
        var bulkId = FieldRules.OptionalText(root, "bulkId", "bulkId", 100, errors);
        var validated = new List<ValidatedMessage>();
        if (FieldRules.RequiredArray(root, "messages", "messages", 1, int.MaxValue, errors) is { } messages)
        {
            foreach (var element in messages.EnumerateArray())
            {
                if (validator.Validate(element, SandboxMessageKind.Template, errors) is { } message)
                {
                    validated.Add(message);
                }
            }
        }

        if (errors.HasErrors)
        {
            return Refusals.Log(logger, request, InfobipErrors.BadRequest(errors), "invalid " + string.Join(", ", errors.Fields));
        }

        if (validated.FirstOrDefault(m => !senders.Contains(m.From)) is { } foreign)
        {
            return Refusals.Log(logger, request, InfobipErrors.ForbiddenSender(foreign.From), $"sender {PhoneNumber.Redact(foreign.From)} is not registered");
        }

        // Infobip echoes the caller's bulkId, makes one up for several messages, and leaves it null for one.
        if (string.IsNullOrEmpty(bulkId))
        {
            bulkId = validated.Count > 1 ? InfobipIds.NewBulkId() : null;
        }

        var accepted = validated.Select(m => acceptor.Accept(m, bulkId)).ToList();
        return SandboxResponses.Json(200, ResponsePayloads.Bulk(accepted, bulkId));
    }
}
