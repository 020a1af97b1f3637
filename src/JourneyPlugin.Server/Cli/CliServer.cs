using System.Globalization;
using System.Net;
using System.Net.Sockets;
using JourneyPlugin.Server.Hosting;
using Microsoft.Extensions.Logging.Console;

namespace JourneyPlugin.Server.Cli;

/// <summary>
/// The server itself, composed exactly as <c>Program</c> composes it, started for one command on free
/// loopback ports (HTTP, so the sandbox's webhooks reach it, and Orleans), without its banner; its
/// warnings and errors go to standard error so standard output stays the command's.
/// </summary>
internal sealed class CliServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CliServer(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the server with its SQLite file under <paramref name="dataDirectory"/> and the journeys of <paramref name="workflowsDirectory"/>.</summary>
    /// <exception cref="Configuration.ServerConfigurationException">The settings (appsettings.json, environment) are invalid.</exception>
    public static async Task<CliServer> StartAsync(string dataDirectory, string workflowsDirectory, CancellationToken cancellationToken)
    {
        var app = Build(dataDirectory, workflowsDirectory);
        app.MapJourneyPluginServer();
        try
        {
            Configuration.ConfigurationErrors.ThrowIfInvalid(app);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new CliServer(app);
    }

    /// <summary>
    /// The server composed on free loopback ports but not started: a command that only needs some of its services
    /// (the connections, say) resolves them without the runtime running journeys of the data directory.
    /// <paramref name="settings"/> come on top of appsettings.json, the environment and these ports (tests use them).
    /// </summary>
    /// <exception cref="Configuration.ServerConfigurationException">The settings (appsettings.json, environment) are invalid.</exception>
    public static WebApplication Build(string dataDirectory, string? workflowsDirectory, IConfiguration? settings = null)
    {
        string[] args =
        [
            $"--urls=http://127.0.0.1:{FreePort()}",
            $"--JourneyPlugin:DataDirectory={dataDirectory}",
            $"--JourneyPlugin:SiloPort={FreePort()}",
            $"--JourneyPlugin:GatewayPort={FreePort()}",
            .. workflowsDirectory is null ? (string[])[] : [$"--JourneyPlugin:WorkflowsDirectory={workflowsDirectory}"],
        ];
        var builder = WebApplication.CreateBuilder(args);
        if (settings is not null)
        {
            builder.Configuration.AddConfiguration(settings);
        }

        builder.Logging.ClearProviders()
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Orleans", LogLevel.Error)
            .AddFilter("Polly", LogLevel.Error)
            // Reports the sandbox still posts while the command shuts the server down are of no interest here.
            .AddFilter("JourneyPlugin.Infobip.Sandbox", LogLevel.Error);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddJourneyPluginServer();
        var banner = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StartupBanner));
        builder.Services.Remove(banner);
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
