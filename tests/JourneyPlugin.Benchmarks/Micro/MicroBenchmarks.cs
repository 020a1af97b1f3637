using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using JourneyPlugin.Benchmarks.Reporting;

namespace JourneyPlugin.Benchmarks.Micro;

/// <summary>Runs the BenchmarkDotNet micro-benchmarks, in process (no generated project to build).</summary>
internal static class MicroBenchmarks
{
    /// <summary>The full BenchmarkDotNet run with its own arguments (<c>--filter</c>, <c>--job</c>, …).</summary>
    public static void Run(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(
            args.Length == 0 ? ["--filter", "*"] : args,
            DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)));

    /// <summary>A short run of the template benchmark, for the summary table of <c>all</c>.</summary>
    public static IReadOnlyList<Figure> Templates()
    {
        var summary = BenchmarkRunner.Run<TemplateRenderBenchmarks>(
            DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.JoinSummary));
        var mean = summary.Reports.FirstOrDefault()?.ResultStatistics?.Mean
            ?? throw new InvalidOperationException("the template benchmark did not run: " + string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
        return
        [
            // Not a target of the issue: 100,000 renders/s on one core keeps templating far below the send path's 10,000 msg/s.
            new("templates", "Scriban renders, cached template, one thread", 1e9 / mean, "renders/s", Target: 100_000),
        ];
    }
}
