using JourneyPlugin.Server.Journeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JourneyPlugin.Server.Api;

/// <summary>
/// <c>POST /api/journeys/{id}/trigger</c>: starts a journey for one customer, idempotent by the caller's key
/// (<c>idempotencyKey</c> in the body or the <c>Idempotency-Key</c> header). Without a key every request is a new
/// event and starts a new instance, as Elsa's HTTP endpoint trigger does; callers that retry must send a key.
/// </summary>
internal static class JourneyTriggerEndpoints
{
    public static RouteGroupBuilder MapJourneyTrigger(this RouteGroupBuilder api)
    {
        api.MapPost("/journeys/{id}/trigger", TriggerAsync)
            .WithName("TriggerJourney")
            .WithTags("Journeys");
        return api;
    }

    private static async Task<Results<Accepted<TriggerResult>, Ok<TriggerResult>, ProblemHttpResult, ValidationProblem>> TriggerAsync(
        string id, HttpRequest request, JourneyTriggers triggers, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonRequestBody.ReadObjectAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return problem!;
        }

        var header = request.Headers[TriggerRequest.IdempotencyKeyHeader];
        var (trigger, errors) = TriggerRequest.Read(body, header.Count > 0 ? header.ToString() : null);
        if (trigger is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The trigger request is invalid");
        }

        var (result, refused) = await triggers.TriggerAsync(id, trigger, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return refused!;
        }

        // 202 for a new instance (it goes on in the background), 200 for the one an earlier request with this key started.
        return result.Created
            ? TypedResults.Accepted($"/api/instances/{Uri.EscapeDataString(result.InstanceId)}", result)
            : TypedResults.Ok(result);
    }
}
