using JourneyPlugin.Infobip.Gateway;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Server.Configuration;
using JourneyPlugin.Workflows.Validation;

namespace JourneyPlugin.Server.Cli;

/// <summary>
/// The validator with the connections the server would have: the sandbox (its template catalogue,
/// served by a sandbox started for the purpose) and the Infobip connections configured in
/// <c>appsettings.json</c> or the environment, whose catalogues are asked of Infobip.
/// </summary>
internal sealed class ValidationServices : IAsyncDisposable
{
    private readonly InfobipSandbox _sandbox;
    private readonly ServiceProvider _provider;

    private ValidationServices(InfobipSandbox sandbox, ServiceProvider provider)
    {
        _sandbox = sandbox;
        _provider = provider;
        Validator = provider.GetRequiredService<WorkflowValidator>();
    }

    public WorkflowValidator Validator { get; }

    /// <summary>The names of the connections known.</summary>
    public IReadOnlyList<string> Connections { get; private init; } = [];

    public static ValidationServices Create(IConfiguration configuration)
    {
        var options = configuration.GetSection(ServerOptions.SectionName).Get<ServerOptions>() ?? new ServerOptions();
        var apiKey = Guid.NewGuid().ToString("N");
        var sandbox = InfobipSandbox.Start(new InfobipSandboxOptions { ApiKey = apiKey });
        var services = new ServiceCollection();
        services.AddJourneyPlugin(j =>
        {
            j.AddInfobip(SandboxOptions.ConnectionName, o =>
            {
                o.ApiKey = apiKey;
                o.BaseUrl = sandbox.BaseUrl.ToString();
                o.Sender = sandbox.Senders[0];
            });
            foreach (var (name, connection) in options.Connections.Where(c => c.Key != SandboxOptions.ConnectionName))
            {
                j.AddInfobip(name, o =>
                {
                    o.ApiKey = connection.ApiKey;
                    o.BaseUrl = connection.BaseUrl;
                    o.Sender = connection.Sender;
                });
            }
        });
        return new ValidationServices(sandbox, services.BuildServiceProvider())
        {
            Connections = [SandboxOptions.ConnectionName, .. options.Connections.Keys.Where(k => k != SandboxOptions.ConnectionName).Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>The settings the server reads: <c>appsettings.json</c> of the current directory and the environment.</summary>
    public static IConfiguration ReadConfiguration() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync().ConfigureAwait(false);
        await _sandbox.DisposeAsync().ConfigureAwait(false);
    }
}
