using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JourneyPlugin.Server.Health;

/// <summary>Healthy when the Orleans silo answers a grain call and counts itself active.</summary>
internal sealed class SiloHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(true, cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s).")
                : HealthCheckResult.Unhealthy("No silo is active.");
        }
#pragma warning disable CA1031 // A health check reports any failure instead of throwing it.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The Orleans silo does not answer.", e);
        }
    }
}
