using JourneyPlugin.Server.Cli;
using JourneyPlugin.Server.Configuration;
using JourneyPlugin.Server.Hosting;

if (JourneyPluginCommandLine.Handles(args))
{
    return await JourneyPluginCommandLine.InvokeAsync(args, Console.Out, Console.Error);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Logging.AddFilter("Orleans", LogLevel.Warning).AddFilter("Polly", LogLevel.Warning).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    builder.AddJourneyPluginServer();

    var app = builder.Build();
    app.MapJourneyPluginServer();
    ConfigurationErrors.ThrowIfInvalid(app);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (ConfigurationErrors.Of(e) is { Count: > 0 } errors)
{
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync($"journeyplugin: {error}");
    }

    return 1;
}

/// <summary>The server's entry point; public so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
