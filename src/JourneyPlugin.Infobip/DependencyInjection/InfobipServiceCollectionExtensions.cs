using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the Infobip WhatsApp client.</summary>
public static class InfobipServiceCollectionExtensions
{
    /// <summary>
    /// Registers the client infrastructure: <see cref="IInfobipWhatsAppClientFactory"/> for
    /// connections created at run time, the resilient <see cref="HttpClient"/> and the per-sender rate limiters.
    /// </summary>
    public static IServiceCollection AddInfobipWhatsApp(this IServiceCollection services, Action<InfobipClientOptions>? configureClient = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var clientOptions = services.AddOptions<InfobipClientOptions>().ValidateOnStart();
        if (configureClient is not null)
        {
            clientOptions.Configure(configureClient);
        }

        if (services.Any(d => d.ServiceType == typeof(IInfobipWhatsAppClientFactory)))
        {
            return services;
        }

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InfobipClientOptions>, InfobipClientOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InfobipConnectionOptions>, InfobipConnectionOptionsValidator>());
        services.TryAddSingleton<InfobipSenderRateLimiters>();
        services.TryAddSingleton<IInfobipWhatsAppClientFactory, InfobipWhatsAppClientFactory>();

        services.AddHttpClient(InfobipWhatsAppClient.HttpClientName)
            // The client logs each message's outcome itself; the factory's default handlers would add a
            // logging scope and four Information lines (with the URL) to every message sent.
            .RemoveAllLoggers()
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectTimeout = provider.GetRequiredService<IOptionsMonitor<InfobipClientOptions>>().CurrentValue.ConnectTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = false,
            })
            .AddResilienceHandler("infobip", (builder, context) =>
                InfobipResiliencePipeline.Configure(builder, context.ServiceProvider.GetRequiredService<IOptionsMonitor<InfobipClientOptions>>().CurrentValue))
            .SelectPipelineByAuthority();

        return services;
    }

    /// <summary>
    /// Registers the default connection and <see cref="IInfobipWhatsAppClient"/> for it, e.g.
    /// <c>services.AddInfobipWhatsApp(o =&gt; { o.ApiKey = …; o.BaseUrl = "xxxxx.api.infobip.com"; o.Sender = "447860099299"; })</c>.
    /// The settings are validated at start-up; each problem names its field.
    /// </summary>
    public static IServiceCollection AddInfobipWhatsApp(this IServiceCollection services, Action<InfobipConnectionOptions> configureConnection)
    {
        ArgumentNullException.ThrowIfNull(configureConnection);
        services.AddInfobipWhatsAppConnection(Options.Options.DefaultName, configureConnection);
        services.TryAddSingleton(provider => provider.GetRequiredService<IInfobipWhatsAppClientFactory>().CreateClient(Options.Options.DefaultName));
        return services;
    }

    /// <summary>
    /// Registers a named connection; get its client from
    /// <see cref="IInfobipWhatsAppClientFactory.CreateClient(string)"/>.
    /// </summary>
    public static IServiceCollection AddInfobipWhatsAppConnection(this IServiceCollection services, string name, Action<InfobipConnectionOptions> configureConnection)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configureConnection);
        services.AddInfobipWhatsApp();
        services.AddOptions<InfobipConnectionOptions>(name).Configure(configureConnection).ValidateOnStart();
        return services;
    }
}
