using JourneyPlugin.Server.Hosting;
using JourneyPlugin.Server.Runs;
using JourneyPlugin.WhatsApp.PhoneNumbers;

namespace JourneyPlugin.Server.Sandbox;

/// <summary>
/// <c>/api/sandbox</c>, the designer's test mode, mapped only when the sandbox runs in-process: what
/// the sandbox's customers received, and a customer writing back (the sandbox posts Infobip's inbound
/// webhook to this server, as Infobip would).
/// </summary>
internal static class SandboxEndpoints
{
    // Infobip's limit for a WhatsApp text.
    private const int MaxTextLength = 4096;

    public static RouteGroupBuilder MapSandboxHelpers(this RouteGroupBuilder api, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<IServiceProviderIsService>()?.IsService(typeof(EmbeddedSandbox)) != true)
        {
            return api;
        }

        var sandbox = api.MapGroup("/sandbox").WithTags("Sandbox");
        sandbox.MapGet("/messages", Messages)
            .WithName("SandboxMessages")
            .Produces<List<SandboxMessageResponse>>()
            .ProducesValidationProblem();
        sandbox.MapPost("/replies", ReplyAsync)
            .WithName("SandboxReply")
            .Produces<SandboxReplyResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return api;
    }

    private static IResult Messages(string? to, EmbeddedSandbox sandbox)
    {
        string? customer = null;
        if (!string.IsNullOrEmpty(to))
        {
            if (!PhoneNumber.TryParse(to, out var number, out var reason))
            {
                return FieldProblem.Invalid("to", $"'to' {reason}");
            }

            customer = number.Digits;
        }

        return TypedResults.Ok(sandbox.Sandbox.AcceptedMessages
            .Where(m => customer is null || m.To == customer)
            .Select(SandboxMessageResponse.Of)
            .ToList());
    }

    private static async Task<IResult> ReplyAsync(SandboxReplyRequest? reply, EmbeddedSandbox sandbox, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reply?.From))
        {
            return FieldProblem.Invalid("from", "'from' is required: the customer's number with country code, e.g. 84912345678.");
        }

        if (!PhoneNumber.TryParse(reply.From, out var from, out var reason))
        {
            return FieldProblem.Invalid("from", $"'from' {reason}");
        }

        if (string.IsNullOrWhiteSpace(reply.Text))
        {
            return FieldProblem.Invalid("text", "'text' is required: what the customer writes.");
        }

        if (reply.Text.Length > MaxTextLength)
        {
            return FieldProblem.Invalid("text", $"'text' must be at most {MaxTextLength} characters (got {reply.Text.Length}).");
        }

        try
        {
            await sandbox.Sandbox.PostInboundTextAsync(from.Digits, reply.Text, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The inbound webhook was not accepted", detail: e.Message);
        }

        // The sender the customer wrote to: the one that last wrote to them.
        var sender = sandbox.Sandbox.AcceptedMessages.LastOrDefault(m => m.To == from.Digits)?.From ?? sandbox.Sandbox.Senders[0];
        return TypedResults.Ok(new SandboxReplyResponse(from.Digits, sender, reply.Text));
    }
}
