using JourneyPlugin.Server.Cli;
using JourneyPlugin.Server.Configuration;
using JourneyPlugin.Server.Hosting;
using Microsoft.Extensions.Options;

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
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (ConfigurationErrors(e) is { Count: > 0 } errors)
{
    foreach (var error in errors)
    {
        await Console.Error.WriteLineAsync($"journeyplugin: {error.Message}");
    }

    return 1;
}

// Several invalid sections come together, one exception each, when the host validates them at start.
static List<Exception> ConfigurationErrors(Exception e) =>
    (e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [e]) is var all
        && all.All(x => x is ServerConfigurationException or OptionsValidationException) ? [.. all] : [];

/// <summary>The server's entry point; public so tests can host it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
