using JourneyPlugin.Runtime.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JourneyPlugin.Server.Health;

/// <summary>Degraded while webhook bodies that can never be applied are set aside: their reports or replies wait for a person.</summary>
internal sealed class WebhookInboxHealthCheck(IWebhookInbox inbox) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var setAside = await inbox.CountSetAsideAsync(cancellationToken).ConfigureAwait(false);
            return setAside == 0
                ? HealthCheckResult.Healthy("No webhook body is set aside.")
                : HealthCheckResult.Degraded($"{setAside} webhook bodies could not be applied by this build and are set aside in the inbox (webhook_inbox.last_error says why).");
        }
#pragma warning disable CA1031 // A health check reports any failure instead of throwing it.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The webhook inbox cannot be read.", e);
        }
    }
}
