using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using JourneyPlugin.Workflows.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JourneyPlugin.Server.Journeys;

/// <summary>
/// Starts a journey for one customer when an event arrives, the analogue of Elsa.Http's HTTP endpoint trigger:
/// the instance id is derived from the journey, the caller's idempotency key and the customer, so the same
/// request sent again finds the instance the first one started instead of messaging the customer twice.
/// </summary>
internal sealed partial class JourneyTriggers(JourneyDefinitionCatalog catalog, IGrainFactory grains, ILogger<JourneyTriggers> logger)
{
    /// <summary>The instance id of a trigger: per journey, key and customer.</summary>
    public static string InstanceIdFor(string definitionId, TriggerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return JourneyStartRequest.InstanceIdFor(definitionId, $"{definitionId}/trigger/{request.IdempotencyKey}", request.CustomerKey);
    }

    /// <summary>Starts journey <paramref name="definitionId"/> for the request's customer, or finds the instance an earlier request with the same key started.</summary>
    /// <returns>The instance, or the problem: 404 for an unknown journey, 409 for one with errors.</returns>
    public async Task<(TriggerResult? Result, ProblemHttpResult? Problem)> TriggerAsync(string definitionId, TriggerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await catalog.ValidateAsync(definitionId, cancellationToken).ConfigureAwait(false);
        if (validation is null)
        {
            return (null, JourneyProblems.NotFound(definitionId));
        }

        if (!validation.IsValid)
        {
            return (null, JourneyProblems.CannotRun(definitionId, validation));
        }

        var instanceId = InstanceIdFor(definitionId, request);

        // Not cancelled with the request: once asked, the start completes (the grain makes a repeat harmless).
        var snapshot = await grains.GetGrain<IJourneyInstanceGrain>(instanceId).StartAsync(new JourneyStartRequest
        {
            DefinitionId = definitionId,
            CustomerKey = request.CustomerKey,
            CustomerJson = request.Customer.ToJsonString(),
        }).ConfigureAwait(false);

        Log.Triggered(logger, definitionId, PhoneNumber.Redact(request.Phone), snapshot.Created, snapshot.Status);
        return (new TriggerResult(instanceId, snapshot.Created, snapshot.Status), null);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Journey {DefinitionId} triggered for {Phone}: new instance {Created}, status {Status}")]
        public static partial void Triggered(ILogger logger, string definitionId, string phone, bool created, string status);
    }
}
