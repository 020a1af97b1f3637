using JourneyPlugin.Benchmarks.Reporting;
using JourneyPlugin.Benchmarks.Scenarios;
using Xunit.Abstractions;

namespace JourneyPlugin.Benchmarks.Tests;

/// <summary>
/// Every whole-system scenario of the benchmark harness with a tiny N, so that it cannot rot: each
/// runs the real server against the Infobip stub and checks its own outcome (every message answered,
/// every instance waiting, resumed or timed out, every report applied), which fails the test.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class ScenarioSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_send_and_webhook_scenarios_send_every_message_and_apply_every_report()
    {
        var figures = await RunAsync(log => BenchmarkRuns.SendAndWebhooksAsync(200, 4, log));

        AssertFigures(figures, "send", 16);
        AssertFigures(figures, "webhooks", 2);
        Assert.InRange(figures.Single(f => f.Name == "ratio (b)/(a)").Value, 0.0001, 10);
        Assert.InRange(figures.Single(f => f.Name.StartsWith("ceiling (c)/(a)", StringComparison.Ordinal)).Value, 0.0001, 100);
        Assert.InRange(figures.Single(f => f.Name.StartsWith("CPU ratio (a)/(b)", StringComparison.Ordinal)).Value, 0.0001, 100);
        Assert.InRange(figures.Single(f => f.Name.StartsWith("(b) messages per request", StringComparison.Ordinal)).Value, 1, 100);

        // The writer committed during the campaign (a commit under way when it started counts whole, hence above 1 is possible).
        Assert.InRange(figures.Single(f => f.Name.StartsWith("(b) share of the time the store's one writer", StringComparison.Ordinal)).Value, 0.0001, 2);
    }

    [Fact]
    public async Task The_waiting_scenario_measures_memory_and_resumes_by_inbound_webhooks()
    {
        var figures = await RunAsync(log => BenchmarkRuns.WaitingAsync(200, 50, 4, log));

        AssertFigures(figures, "waiting", 8);
        var p50 = figures.Single(f => f.Name.EndsWith("p50", StringComparison.Ordinal)).Value;
        var p99 = figures.Single(f => f.Name.EndsWith("p99", StringComparison.Ordinal)).Value;
        Assert.True(p50 <= p99, $"p50 {p50} ms > p99 {p99} ms");
    }

    [Fact]
    public async Task The_timeout_scenario_fires_every_timeout()
    {
        var figures = await RunAsync(log => BenchmarkRuns.TimeoutsAsync(200, log, TimeSpan.FromMilliseconds(200)));

        AssertFigures(figures, "timeouts", 2);
    }

    [Fact]
    public void The_table_holds_each_figure_with_its_target_and_ratio()
    {
        var table = ResultTable.Render(
        [
            new("send", "ratio (b)/(a)", 0.4, "", Target: 0.8),
            new("waiting", "p99", 100, "ms", Target: 50, Better: Better.Lower),
            new("waiting", "heap per instance", -0.4, "B", Target: 2048, Better: Better.Lower),
        ]);

        Assert.Equal(["send", "ratio (b)/(a)", "0.4", "≥ 0.8", "0.50", "NO"], Cells(table, "ratio (b)/(a)"));
        Assert.Equal(["waiting", "p99", "100 ms", "< 50.00 ms", "0.50", "NO"], Cells(table, "p99"));
        Assert.Equal(["waiting", "heap per instance", "-0.4 B", "< 2,048 B", "—", "yes"], Cells(table, "heap per instance"));
    }

    private static string[] Cells(string table, string figure) =>
        table.Split('\n').Select(line => line.Split('|', StringSplitOptions.TrimEntries)).Single(cells => cells.Length > 2 && cells[2] == figure)[1..^1];

    private static void AssertFigures(IReadOnlyList<Figure> figures, string scenario, int count)
    {
        var mine = figures.Where(f => f.Scenario == scenario).ToList();
        Assert.Equal(count, mine.Count);
        // Memory per instance is a difference against a baseline, which the noise can put a little below 0.
        Assert.All(mine, f => Assert.True(double.IsFinite(f.Value) && (f.Value >= 0 || f.Unit == "B"), $"{f.Name}: {f.Value}"));
    }

    private async Task<IReadOnlyList<Figure>> RunAsync(Func<TextWriter, Task<IReadOnlyList<Figure>>> scenario)
    {
        using var log = new StringWriter();
        try
        {
            var figures = await scenario(log);
            output.WriteLine(ResultTable.Render(figures));
            return figures;
        }
        finally
        {
            output.WriteLine(log.ToString());
        }
    }
}
