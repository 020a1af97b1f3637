using System.Diagnostics;

namespace JourneyPlugin.Server.Tests.Cli;

/// <summary>The built server executable itself, as a user runs it: <c>dotnet JourneyPlugin.Server.dll validate …</c>.</summary>
public sealed class ExecutableTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    private static async Task<CommandResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JourneyPlugin.Server.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CommandResult(process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Validate_exits_with_0_for_valid_journeys_1_for_invalid_ones_and_2_for_bad_arguments()
    {
        var bad = _files.File("bad.json", File.ReadAllText(CommandLine.Journey("welcome-offer.json")).Replace("\"P2D\"", "\"two days\"", StringComparison.Ordinal));

        var valid = await RunAsync("validate", Path.Combine("workflows", "welcome-offer.json"), Path.Combine("workflows", "abandoned-cart.json"));
        var invalid = await RunAsync("validate", Path.Combine("workflows", "welcome-offer.json"), bad);
        var usage = await RunAsync("validate", "--fast", Path.Combine("workflows", "welcome-offer.json"));

        Assert.True(valid.ExitCode == 0, valid.ToString());
        Assert.Equal("2 files: 2 valid, 0 invalid (0 errors, 0 warnings)", valid.OutputLines[^1]);
        Assert.True(invalid.ExitCode == 1, invalid.ToString());
        Assert.Contains(invalid.OutputLines, l => l.StartsWith(bad + ": $.root.activities[2].timeout.expression.value: ", StringComparison.Ordinal) && l.Contains("'two days'", StringComparison.Ordinal));
        Assert.True(usage.ExitCode == 2, usage.ToString());
        Assert.Equal(["error: unknown option '--fast' (see 'JourneyPlugin.Server validate --help')"], usage.ErrorLines);
    }
}
