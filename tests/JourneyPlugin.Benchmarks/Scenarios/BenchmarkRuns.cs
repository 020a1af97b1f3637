using JourneyPlugin.Benchmarks.Harness;
using JourneyPlugin.Benchmarks.Micro;
using JourneyPlugin.Benchmarks.Reporting;

namespace JourneyPlugin.Benchmarks.Scenarios;

/// <summary>
/// The scenarios as the commands run them, each on a fresh server and data directory (the webhook
/// scenario reports on the messages of the send scenario, on the same server).
/// </summary>
internal static class BenchmarkRuns
{
    public static async Task<IReadOnlyList<Figure>> AllAsync(BenchmarkSettings settings, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var figures = new List<Figure>();

        // Memory first, in a process nothing else has run in yet: what earlier scenarios leave behind
        // (pools, caches trimmed later) moved the baseline by ±20 MB, as much as 100,000 instances take.
        figures.AddRange(await WaitingAsync(settings.Instances, settings.Resumes, settings.Concurrency, log));
        figures.AddRange(await SendAndWebhooksAsync(settings.Messages, settings.Concurrency, log, measureSend: true));
        figures.AddRange(await TimeoutsAsync(settings.Messages, log, settings.ScanInterval));
        if (settings.Micro)
        {
            figures.AddRange(MicroBenchmarks.Templates());
        }

        return figures;
    }

    public static async Task<IReadOnlyList<Figure>> SendAsync(int n, TextWriter log)
    {
        await using var bench = await Workbench.StartAsync(log);
        return await SendScenario.RunAsync(bench, n);
    }

    public static async Task<IReadOnlyList<Figure>> WebhooksAsync(int n, int concurrency, TextWriter log) =>
        await SendAndWebhooksAsync(n, concurrency, log, measureSend: false);

    public static async Task<IReadOnlyList<Figure>> WaitingAsync(int instances, int resumes, int concurrency, TextWriter log)
    {
        await using var bench = await Workbench.StartAsync(log);
        return await WaitingScenario.RunAsync(bench, instances, resumes, concurrency);
    }

    public static async Task<IReadOnlyList<Figure>> TimeoutsAsync(int n, TextWriter log, TimeSpan? scanInterval = null)
    {
        await using var bench = await Workbench.StartAsync(log, scanInterval);
        return await TimeoutScenario.RunAsync(bench, n);
    }

    /// <summary>The send scenario, then the webhook scenario on its messages; the send figures only when <paramref name="measureSend"/>.</summary>
    public static async Task<IReadOnlyList<Figure>> SendAndWebhooksAsync(int n, int concurrency, TextWriter log, bool measureSend = true)
    {
        await using var bench = await Workbench.StartAsync(log);
        var send = await SendScenario.RunAsync(bench, n);
        return [.. measureSend ? send : [], .. await WebhookScenario.RunAsync(bench, concurrency)];
    }
}
