using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using JourneyPlugin.Benchmarks.Harness;
using JourneyPlugin.Benchmarks.Micro;
using JourneyPlugin.Benchmarks.Reporting;
using JourneyPlugin.Benchmarks.Scenarios;

namespace JourneyPlugin.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/JourneyPlugin.Benchmarks -- all|send|waiting|timeouts|webhooks|micro [options]</c>.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var n = new Option<int>("--n") { Description = "Messages sent, and timeouts due, per scenario.", DefaultValueFactory = _ => 100_000 };
        var instances = new Option<int>("--instances") { Description = "Waiting instances.", DefaultValueFactory = _ => 1_000_000 };
        var resumes = new Option<int>("--resumes") { Description = "Waiting instances resumed by inbound webhooks.", DefaultValueFactory = _ => 10_000 };
        var concurrency = new Option<int>("--concurrency") { Description = "Webhook POSTs in flight.", DefaultValueFactory = _ => 8 };
        var scan = new Option<double?>("--scan-interval") { Description = "The timeout scanner's interval in seconds (default: the product's)." };
        var noMicro = new Option<bool>("--no-micro") { Description = "Skip the BenchmarkDotNet template benchmark in 'all'." };

        var root = new RootCommand("JourneyPlugin benchmarks: whole-system scenarios against the real server and an Infobip stub, and micro-benchmarks.");
        root.Subcommands.Add(Scenario("all", "Every scenario, then one table.", [n, instances, resumes, concurrency, scan, noMicro], p =>
            BenchmarkRuns.AllAsync(new BenchmarkSettings(p.GetValue(n), p.GetValue(instances), p.GetValue(resumes), p.GetValue(concurrency), !p.GetValue(noMicro), Seconds(p.GetValue(scan))), Console.Out)));
        root.Subcommands.Add(Scenario(SendScenario.Name, "Bare HttpClient loop vs a campaign through the engine.", [n], p =>
            BenchmarkRuns.SendAsync(p.GetValue(n), Console.Out)));
        root.Subcommands.Add(Scenario(WaitingScenario.Name, "Memory of waiting instances and resume latency.", [instances, resumes, concurrency], p =>
            BenchmarkRuns.WaitingAsync(p.GetValue(instances), p.GetValue(resumes), p.GetValue(concurrency), Console.Out)));
        root.Subcommands.Add(Scenario(TimeoutScenario.Name, "Timeouts due at the same instant.", [n, scan], p =>
            BenchmarkRuns.TimeoutsAsync(p.GetValue(n), Console.Out, Seconds(p.GetValue(scan)))));
        root.Subcommands.Add(Scenario(WebhookScenario.Name, "Delivery report ingestion (sends N messages first).", [n, concurrency], p =>
            BenchmarkRuns.WebhooksAsync(p.GetValue(n), p.GetValue(concurrency), Console.Out)));

        var micro = new Command("micro", "BenchmarkDotNet micro-benchmarks; further arguments go to BenchmarkDotNet.") { TreatUnmatchedTokensAsErrors = false };
        micro.SetAction(p => MicroBenchmarks.Run([.. p.UnmatchedTokens]));
        root.Subcommands.Add(micro);
        return await root.Parse(args).InvokeAsync();
    }

    private static TimeSpan? Seconds(double? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static Command Scenario(string name, string description, Option[] options, Func<ParseResult, Task<IReadOnlyList<Figure>>> run)
    {
        var command = new Command(name, description);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (p, _) =>
        {
            var started = DateTimeOffset.UtcNow;
            var loadBefore = MachineLoad.Describe();
            Console.WriteLine($"journeyplugin benchmarks: {string.Join(' ', p.Tokens.Select(t => t.Value))}");
            Console.WriteLine($"machine before: {loadBefore}");
            var clock = Stopwatch.StartNew();
            var figures = await run(p);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{started:yyyy-MM-dd HH:mm} UTC, {clock.Elapsed.TotalMinutes:N1} min; machine after: {MachineLoad.Describe()}"));
            Console.WriteLine();
            Console.Write(ResultTable.Render(figures));
            return 0;
        });
        return command;
    }
}
