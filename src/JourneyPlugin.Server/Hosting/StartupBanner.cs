using JourneyPlugin.Server.OpenApi;
using JourneyPlugin.Server.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace JourneyPlugin.Server.Hosting;

/// <summary>Prints where to go next once the server listens: health, API and webhook URLs, and the sandbox.</summary>
internal sealed class StartupBanner(IServer server, IHostApplicationLifetime lifetime, WebhookConnections connections, IServiceProvider services) : IHostedService
{
    private readonly EmbeddedSandbox? _sandbox = services.GetService<EmbeddedSandbox>();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is null || addresses.Count == 0)
        {
            return;
        }

        var root = addresses.First().TrimEnd('/');
        var lines = new List<string>
        {
            $"JourneyPlugin is running on {string.Join(", ", addresses)}",
            $"  journey designer:     {root}/",
            $"  health:               {root}/health",
            $"  journeys:             {root}/api/journeys",
            $"  activity descriptors: {root}/api/activity-descriptors",
            $"  API reference:        {root}{ApiReferenceEndpoints.ReferencePath}  (OpenAPI: {root}{ApiReferenceEndpoints.DocumentPath})",
        };
        foreach (var connection in connections.Names.Order(StringComparer.Ordinal))
        {
            lines.Add($"  webhooks of '{connection}':");
            lines.AddRange(Enum.GetValues<WebhookKind>().Select(kind => $"    {root}{InfobipWebhookEndpoints.PathOf(connection, kind)}"));
        }

        if (_sandbox is not null)
        {
            lines.Add($"  Infobip sandbox (connection 'sandbox'): {_sandbox.Sandbox.BaseUrl}  sender {_sandbox.Sandbox.Senders[0]}; messages received: {_sandbox.Sandbox.BaseUrl}sandbox/messages");
        }

        lines.Add("Press Ctrl+C to stop.");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
