using JourneyPlugin.Workflows.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace JourneyPlugin.Server.Diagnostics;

/// <summary>Metrics: the instruments, and their export with OpenTelemetry when an OTLP endpoint is configured.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>OpenTelemetry's standard setting; the SDK also reads the other <c>OTEL_*</c> settings (protocol, interval, headers).</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddJourneyPluginTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<WebhookMetrics>();

        // Without a collector to send to, exporting would only log connection errors.
        if (string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("journeyplugin"))
            .WithMetrics(metrics => metrics
                .AddMeter(JourneyPluginMeter.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
                .AddOtlpExporter());
        return services;
    }
}
