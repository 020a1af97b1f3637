using System.Diagnostics.Metrics;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Conversations;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Delivery;
using JourneyPlugin.Runtime.Diagnostics;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Runtime.Sending;
using JourneyPlugin.Runtime.Timeouts;
using JourneyPlugin.WhatsApp.Messaging;
using JourneyPlugin.WhatsApp.Conversations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Hosting;

/// <summary>Hosts the journey runtime on Orleans with the embedded defaults.</summary>
public static class JourneyRuntimeHostBuilderExtensions
{
    /// <summary>
    /// Adds the embedded runtime: a single Orleans silo on loopback, every durable thing in one
    /// SQLite file under <see cref="JourneyRuntimeOptions.DataDirectory"/>, the timeout scanner, and
    /// the journeys of <see cref="JourneyRuntimeOptions.WorkflowsDirectory"/>. Register the engine and
    /// the vendor with <c>services.AddJourneyPlugin(j =&gt; j.AddInfobip(…))</c>.
    /// </summary>
    public static IHostApplicationBuilder AddJourneyRuntime(this IHostApplicationBuilder builder, Action<JourneyRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new JourneyRuntimeOptions();
        configure?.Invoke(options);
        var validation = new JourneyRuntimeOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(JourneyRuntimeOptions), validation.Failures);
        }

        // The silo starts before the services below, which call grains.
        builder.UseOrleans(silo => silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: "journeyplugin", clusterId: "embedded"));

        var services = builder.Services;
        // The same delegate in the options pipeline, after what the host bound (a settings section):
        // those settings stay unless the delegate sets them, and are validated at start.
        services.AddOptions<JourneyRuntimeOptions>().Configure(o => configure?.Invoke(o)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JourneyRuntimeOptions>, JourneyRuntimeOptionsValidator>());
        services.AddOptions<ConversationOptions>();
        services.AddOptions<CampaignOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CampaignOptions>, CampaignOptionsValidator>());
        services.AddJourneySqliteStorage(o => o.DataDirectory = options.DataDirectory);

        DecorateVendorGateway(services);
        services.TryAddSingleton<DeliveryReportProcessor>();
        services.TryAddSingleton(provider => new SendSettlements(
            provider.GetRequiredService<IGrainFactory>(),
            provider.GetRequiredService<IConversationStore>(),
            provider.GetRequiredService<IOptions<ConversationOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SendSettlements>>()));
        services.TryAddSingleton<CampaignBatchStarter>();
        services.TryAddSingleton<InstancesInBatch>();
        services.TryAddSingleton(provider => new JourneyRuntimeMetrics(provider.GetService<IMeterFactory>()));
        services.TryAddSingleton<JourneyDefinitionCatalog>();
        services.TryAddSingleton<IJourneyDefinitionProvider>(provider => provider.GetRequiredService<JourneyDefinitionCatalog>());
        services.AddHostedService<WorkflowsDirectoryLoader>();
        services.AddHostedService<TimeoutScanner>();
        services.AddHostedService<CampaignRunReactivator>();
        services.AddOptions<SettlementOptions>();
        services.AddHostedService<SendSettler>();
        return builder;
    }

    private static void DecorateVendorGateway(IServiceCollection services)
    {
        var vendor = services.LastOrDefault(d => d.ServiceType == typeof(IWhatsAppGateway))
            ?? throw new InvalidOperationException("No WhatsApp vendor is registered: call services.AddJourneyPlugin(j => j.AddInfobip(…)) before AddJourneyRuntime.");
        services.Remove(vendor);
        services.AddSingleton<IWhatsAppGateway>(provider => ActivatorUtilities.CreateInstance<LedgeredWhatsAppGateway>(provider, Resolve(provider, vendor)));
    }

    private static IWhatsAppGateway Resolve(IServiceProvider provider, ServiceDescriptor descriptor) => (IWhatsAppGateway)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
