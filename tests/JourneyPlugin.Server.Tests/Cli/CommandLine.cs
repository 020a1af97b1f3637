using JourneyPlugin.Server.Cli;
using Microsoft.Extensions.Configuration;

namespace JourneyPlugin.Server.Tests.Cli;

/// <summary>Runs the server executable's command line in-process with captured output.</summary>
internal static class CommandLine
{
    public static Task<CommandResult> RunAsync(params string[] args) => RunAsync(settings: null, args);

    /// <summary>Runs <paramref name="args"/> with <paramref name="settings"/> on top of appsettings.json and the environment.</summary>
    public static async Task<CommandResult> RunAsync(IConfiguration? settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await JourneyPluginCommandLine.InvokeAsync(args, output, error, settings);
        return new CommandResult(exitCode, output.ToString(), error.ToString());
    }

    public static string Journey(string name) => Path.Combine(AppContext.BaseDirectory, "workflows", name);
}

/// <summary>What a command did: its exit code and what it wrote.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> OutputLines => Output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> ErrorLines => Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}{Output}{Environment.NewLine}{Error}";
}
