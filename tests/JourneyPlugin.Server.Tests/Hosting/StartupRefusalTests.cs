using System.Diagnostics;
using System.Globalization;
using JourneyPlugin.Server.Tests.Infrastructure;
using JourneyPlugin.Testing;

namespace JourneyPlugin.Server.Tests.Hosting;

/// <summary>The server process refuses configurations that cannot be safe, with a message and exit code 1.</summary>
public sealed class StartupRefusalTests
{
    [Theory]
    [InlineData("--urls", "http://0.0.0.0:{port}")]
    [InlineData("--urls", "http://localhost:{port};http://*:{port2}")]
    [InlineData("--Kestrel:Endpoints:Public:Url", "http://0.0.0.0:{port}")]
    public async Task Bound_beyond_loopback_without_an_api_token_it_refuses_to_start(string setting, string value)
    {
        var urls = value
            .Replace("{port}", TestPorts.Next().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{port2}", TestPorts.Next().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var (exitCode, output) = await RunServerAsync(setting, urls);

        Assert.Equal(1, exitCode);
        Assert.Contains("Refusing to start", output, StringComparison.Ordinal);
        Assert.Contains("JourneyPlugin:ApiToken", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bound_beyond_loopback_without_a_master_key_it_refuses_to_start()
    {
        var (exitCode, output) = await RunServerAsync(
            "--urls", "http://0.0.0.0:" + TestPorts.Next().ToString(CultureInfo.InvariantCulture),
            "--JourneyPlugin:ApiToken", "api-token-0123456789abcdef");

        Assert.Equal(1, exitCode);
        Assert.Contains("Refusing to start", output, StringComparison.Ordinal);
        Assert.Contains("JourneyPlugin:MasterKey is not set", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_settings_are_named_and_refused()
    {
        var (exitCode, output) = await RunServerAsync(
            "--urls", "http://127.0.0.1:" + TestPorts.Next().ToString(CultureInfo.InvariantCulture),
            "--JourneyPlugin:Connections:prod:ApiKey", "key",
            "--JourneyPlugin:ApiToken", "tiny-tok");

        Assert.Equal(1, exitCode);
        Assert.Contains("JourneyPlugin:ApiToken: must be at least 16 characters", output, StringComparison.Ordinal);
        Assert.Contains("JourneyPlugin:Webhooks:prod: configure BasicUser/BasicPassword or HmacSecret", output, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-tok", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_tuning_settings_are_named_and_refused()
    {
        var (exitCode, output) = await RunServerAsync(
            "--urls", "http://127.0.0.1:" + TestPorts.Next().ToString(CultureInfo.InvariantCulture),
            "--JourneyPlugin:Campaigns:Parallelism", "0",
            "--JourneyPlugin:Infobip:MaxTemplatesPerRequest", "5000",
            "--JourneyPlugin:Runtime:TimeoutScanInterval", "00:05:00");

        Assert.Equal(1, exitCode);
        Assert.Contains("journeyplugin: JourneyPlugin:Runtime:TimeoutScanInterval: must be positive and at most a minute", output, StringComparison.Ordinal);
        Assert.Contains("journeyplugin: JourneyPlugin:Campaigns:Parallelism: must be between 1 and 4096", output, StringComparison.Ordinal);
        Assert.Contains("journeyplugin: JourneyPlugin:Infobip:MaxTemplatesPerRequest: must be between 1 and 1000", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output, StringComparison.Ordinal);

        // A user's mistake, not a crash: no host failure logged with a stack trace before the two lines.
        Assert.DoesNotContain("Hosting failed to start", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_command_names_every_invalid_setting_and_refuses()
    {
        using var files = new Cli.TempDirectory();
        var audience = files.File("audience.csv", "customer_id,phone,first_name,promo_code\nc1,84912345001,Lan,WELCOME15\n");
        var environment = new Dictionary<string, string>
        {
            ["JourneyPlugin__Campaigns__Parallelism"] = "0",
            ["JourneyPlugin__Infobip__MaxTemplatesPerRequest"] = "5000",
        };

        var (exitCode, output) = await RunServerAsync(environment, "run", Cli.CommandLine.Journey("welcome-offer.json"), "--audience", audience);

        Assert.Equal(1, exitCode);
        Assert.Contains("JourneyPlugin:Campaigns:Parallelism: must be between 1 and 4096", output, StringComparison.Ordinal);
        Assert.Contains("JourneyPlugin:Infobip:MaxTemplatesPerRequest: must be between 1 and 1000", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    /// <summary>Runs the server process in a temporary directory until it exits (30 s at most).</summary>
    internal static Task<(int ExitCode, string Output)> RunServerAsync(params string[] arguments) =>
        RunServerAsync(new Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="RunServerAsync(string[])"/>, with <paramref name="environment"/> added to the process's.</summary>
    internal static async Task<(int ExitCode, string Output)> RunServerAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var directory = Directory.CreateTempSubdirectory("journeyplugin-refusal-");
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JourneyPlugin.Server.dll"));
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment.Remove("ASPNETCORE_URLS");
            start.Environment.Remove("ASPNETCORE_HTTP_PORTS");
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
