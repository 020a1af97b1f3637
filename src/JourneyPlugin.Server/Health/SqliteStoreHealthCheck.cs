using JourneyPlugin.Runtime.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JourneyPlugin.Server.Health;

/// <summary>Healthy when the durable store answers a read.</summary>
internal sealed class SqliteStoreHealthCheck(IRunStore runs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await runs.ListAsync(0, 1, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The SQLite store answers.");
        }
#pragma warning disable CA1031 // A health check reports any failure instead of throwing it.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The SQLite store does not answer.", e);
        }
    }
}
