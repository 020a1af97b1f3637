using System.Security.Cryptography;
using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Infobip.Gateway;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Delivery;
using JourneyPlugin.Runtime.Hosting;
using JourneyPlugin.Server.Api;
using JourneyPlugin.Server.Configuration;
using JourneyPlugin.Server.Connections;
using JourneyPlugin.Server.Connections.Storage;
using JourneyPlugin.Server.Designer;
using JourneyPlugin.Server.Diagnostics;
using JourneyPlugin.Server.Health;
using JourneyPlugin.Server.Journeys;
using JourneyPlugin.Server.OpenApi;
using JourneyPlugin.Server.Runs;
using JourneyPlugin.Server.Sandbox;
using JourneyPlugin.Server.Webhooks;
using JourneyPlugin.Workflows.DependencyInjection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Hosting;

/// <summary>Composes the server: settings, the vendor connections, the runtime, the endpoints.</summary>
internal static class ServerSetup
{
    /// <summary>
    /// Reads and validates the settings, refuses an exposed server without an API token, and registers
    /// every service. Throws <see cref="ServerConfigurationException"/> with a message for the user.
    /// </summary>
    public static WebApplicationBuilder AddJourneyPluginServer(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ServerOptions.SectionName).Get<ServerOptions>() ?? new ServerOptions();
        var validation = new ServerOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ServerConfigurationException("The configuration is invalid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", validation.Failures));
        }

        var urls = ListenAddresses.Read(builder.Configuration, out var isDefault);
        if (isDefault)
        {
            builder.WebHost.UseUrls(ListenAddresses.Default);
        }

        var exposed = ListenAddresses.NonLoopback(urls);
        if (exposed.Count > 0 && string.IsNullOrWhiteSpace(options.ApiToken))
        {
            throw new ServerConfigurationException(
                $"Refusing to start: the server would listen on {string.Join(", ", exposed)}, which is not loopback, and no API token is set. "
                + "Set JourneyPlugin:ApiToken (e.g. the environment variable JourneyPlugin__ApiToken, at least 16 characters) so the API requires "
                + "'Authorization: Bearer <token>', or listen on loopback only (e.g. --urls http://localhost:5080).");
        }

        builder.Configuration.PollConfigurationFiles();
        var services = builder.Services;
        services.AddOptions<ServerOptions>().Bind(builder.Configuration.GetSection(ServerOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddBadRequestProblems();
        services.AddJourneyPluginOpenApi();
        services.AddJourneyPluginTelemetry(builder.Configuration);
        services.AddHealthChecks()
            .AddCheck<SqliteStoreHealthCheck>("store")
            .AddCheck<SiloHealthCheck>("silo")
            .AddCheck<WebhookInboxHealthCheck>("inbox");

        var webhookAuth = options.Webhooks.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
        services.AddJourneyPlugin(j =>
        {
            if (options.Sandbox.Enabled)
            {
                var hmacSecret = webhookAuth.TryGetValue(SandboxOptions.ConnectionName, out var configured) && configured.HmacSecret is { } secret
                    ? secret
                    : NewSecret();
                var auth = webhookAuth[SandboxOptions.ConnectionName] = configured ?? new WebhookAuthOptions();
                auth.HmacSecret = hmacSecret;
                var local = ListenAddresses.LocalBase(urls[0]);
                var settings = new EmbeddedSandboxSettings(
                    options.Sandbox.Port,
                    NewSecret(),
                    hmacSecret,
                    new Uri(local, InfobipWebhookEndpoints.PathOf(SandboxOptions.ConnectionName, WebhookKind.DeliveryReports)),
                    new Uri(local, InfobipWebhookEndpoints.PathOf(SandboxOptions.ConnectionName, WebhookKind.InboundMessages)));
                services.AddSingleton(settings);
                services.AddSingleton<EmbeddedSandbox>();
                j.AddInfobip(SandboxOptions.ConnectionName, _ => { });
                services.AddOptions<InfobipConnectionOptions>(SandboxOptions.ConnectionName).Configure<EmbeddedSandbox>((o, sandbox) =>
                {
                    o.ApiKey = sandbox.Settings.ApiKey;
                    o.BaseUrl = sandbox.Sandbox.BaseUrl.ToString();
                    o.Sender = sandbox.Sandbox.Senders[0];
                    o.NotifyUrl = sandbox.Settings.DeliveryReportUrl;
                });
            }

            foreach (var (name, connection) in options.Connections)
            {
                j.AddInfobip(name, o =>
                {
                    o.ApiKey = connection.ApiKey;
                    o.BaseUrl = connection.BaseUrl;
                    o.Sender = connection.Sender;
                    o.MessagesPerSecond = connection.MessagesPerSecond ?? o.MessagesPerSecond;
                });
            }
        });
        services.AddJourneyPluginConnections(options, exposed.Count > 0);
        services.AddSingleton(provider => new WebhookConnections(webhookAuth, provider.GetRequiredService<SqliteConnectionStore>()));
        services.AddSingleton<WebhookIngest>();
        services.AddSingleton<WebhookInboxDrainer>();
        services.AddHostedService(provider => provider.GetRequiredService<WebhookInboxDrainer>());
        services.AddSingleton<ApiTokenFilter>();
        services.AddJourneyPluginJourneys();
        services.AddHostedService<StartupBanner>();
        services.AddJourneyPluginRuns(builder.Configuration);

        // Tuning sections, bound before the runtime's own settings so those win: JourneyPlugin:Infobip (client
        // time-outs, retries, circuit breaker, template bulks), JourneyPlugin:Settlement (unknown outcomes),
        // JourneyPlugin:Runtime (scanners), JourneyPlugin:Campaigns (enrolment batches).
        services.Configure<InfobipClientOptions>(builder.Configuration.GetSection(TuningSections.Infobip));
        services.Configure<SettlementOptions>(builder.Configuration.GetSection(TuningSections.Settlement));
        services.Configure<JourneyRuntimeOptions>(builder.Configuration.GetSection(TuningSections.Runtime));
        services.Configure<CampaignOptions>(builder.Configuration.GetSection(TuningSections.Campaigns));
        builder.AddJourneyRuntime(o =>
        {
            o.DataDirectory = options.DataDirectory;
            o.WorkflowsDirectory = options.WorkflowsDirectory;
            o.SiloPort = options.SiloPort;
            o.GatewayPort = options.GatewayPort;
        });
        return builder;
    }

    /// <summary>Maps the endpoints: health, the API (token-protected when a token is set), the webhooks.</summary>
    public static WebApplication MapJourneyPluginServer(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        var api = app.MapGroup("/api").AddEndpointFilter<ApiTokenFilter>();
        api.MapJourneys();
        api.MapJourneyTrigger();
        api.MapTemplatePreview();
        api.MapActivityDescriptors();
        api.MapConnections();
        api.MapRuns().MapSandboxHelpers(app.Services);
        app.MapInfobipWebhooks();
        app.MapJourneyPluginApiReference();
        app.MapJourneyPluginDesigner();
        return app;
    }

    private static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
