using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using JourneyPlugin.Benchmarks.Harness;
using JourneyPlugin.Benchmarks.Reporting;

namespace JourneyPlugin.Benchmarks.Scenarios;

/// <summary>
/// Waiting at scale: M instances enrolled into send-then-wait, the memory they hold while they wait,
/// then R of them resumed by inbound webhooks through the server's real webhook endpoint (HMAC
/// check, parse, conversation grain, instance grain, persist, answer), timed per request.
/// </summary>
internal static class WaitingScenario
{
    public const string Name = "waiting";

    /// <summary>The first customer of the warm-up run, far from the measured run's.</summary>
    private const int WarmUpFirst = 9_000_000;

    public static async Task<IReadOnlyList<Figure>> RunAsync(Workbench bench, int instances, int resumes, int concurrency)
    {
        resumes = Math.Min(resumes, instances);
        bench.Log.WriteLine($"[{Name}] {instances:N0} waiting instances, {resumes:N0} resumed by inbound webhooks, {concurrency} at a time");

        // Warm up on a run of its own, enrolment and resumes alike, so that JIT and caches are in the
        // baseline and the resume path's first compilations are not in its latencies.
        var warmUp = Math.Clamp(resumes / 10, 100, 1_000);
        await bench.StartRunAsync("wait-warmup", BenchJourneys.SendThenWait, warmUp, first: WarmUpFirst);
        await bench.WaitForStatusAsync("wait-warmup", "Suspended", warmUp);
        await ResumeAsync(bench, WarmUpFirst, warmUp, warmUp, concurrency);
        var before = await Memory.MeasureAsync();

        var clock = Stopwatch.StartNew();
        await bench.StartRunAsync(Name, BenchJourneys.SendThenWait, instances);
        await bench.WaitForFunnelAsync(Name, f => f.Sent + f.Failed >= instances);
        await bench.WaitForStatusAsync(Name, "Suspended", instances);

        var enrolled = clock.Elapsed;
        bench.Log.WriteLine($"  enrolled and sent: {enrolled.TotalSeconds:N1} s ({instances / enrolled.TotalSeconds:N0} instances/s)");
        var after = await Memory.MeasureAsync();
        var database = new DirectoryInfo(Path.Combine(bench.Directory, "data")).EnumerateFiles().Sum(f => f.Length);
        var heapPer = (double)(after.ManagedHeap - before.ManagedHeap) / instances;
        var workingSetPer = (double)(after.WorkingSet - before.WorkingSet) / instances;
        bench.Log.WriteLine($"  working set {before.WorkingSet / 1e6:N0} → {after.WorkingSet / 1e6:N0} MB, managed heap {before.ManagedHeap / 1e6:N0} → {after.ManagedHeap / 1e6:N0} MB, SQLite {database / 1e6:N0} MB");

        var latencies = await ResumeAsync(bench, 0, instances, resumes, concurrency);
        var funnel = await bench.WaitForFunnelAsync(Name, f => f.Replied >= resumes, TimeSpan.FromSeconds(30));
        if (funnel.Replied != resumes || funnel.Completed != resumes)
        {
            throw new InvalidOperationException($"after {resumes} replies: {Workbench.Describe(funnel)}");
        }

        var sorted = latencies.Order().ToList();
        var p50 = Latencies.Percentile(sorted, 50);
        var p99 = Latencies.Percentile(sorted, 99);
        bench.Log.WriteLine($"  resumed {resumes:N0}: p50 {p50:N1} ms, p99 {p99:N1} ms, max {sorted[^1]:N1} ms");

        // Whether the tail is spread out or comes at one time (a warm-up, a checkpoint, the OS writing back).
        var tenths = latencies.Chunk(Math.Max(1, resumes / 10)).Select(t => Latencies.Percentile([.. t.Order()], 99).ToString("N1", CultureInfo.InvariantCulture));
        bench.Log.WriteLine($"  p99 of each tenth, in the order posted: {string.Join(" / ", tenths)} ms");
        return
        [
            new(Name, "enrol + send into waiting", instances / enrolled.TotalSeconds, "instances/s"),
            new(Name, $"working set with {instances:N0} waiting", after.WorkingSet / 1e6, "MB"),
            new(Name, $"managed heap with {instances:N0} waiting", after.ManagedHeap / 1e6, "MB"),
            new(Name, "managed heap per waiting instance", heapPer, "B", Target: 2048, Better: Better.Lower),
            new(Name, "working set per waiting instance", workingSetPer, "B", Target: 2048, Better: Better.Lower),
            new(Name, "SQLite on disk per waiting instance", (double)database / instances, "B"),
            new(Name, "resume by inbound webhook, p50", p50, "ms", Target: 50, Better: Better.Lower),
            new(Name, "resume by inbound webhook, p99", p99, "ms", Target: 50, Better: Better.Lower),
        ];
    }

    /// <summary>Posts one inbound reply per resumed customer (spread over the audience from <paramref name="first"/>) and times each answer.</summary>
    /// <returns>The latencies in the order the replies were posted.</returns>
    private static async Task<double[]> ResumeAsync(Workbench bench, int first, int instances, int resumes, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        var stride = instances / resumes;
        var latencies = new double[resumes];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < resumes)
            {
                var customer = first + (i * stride);
                using var request = bench.Server.Webhook("inbound", Webhooks.InboundText(Audience.Phone(customer), $"wamid.bench-{customer}", "YES"));
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                response.EnsureSuccessStatusCode();
                var receipt = await response.Content.ReadFromJsonAsync<Receipt>();
                if (receipt?.Applied != 1)
                {
                    throw new InvalidOperationException($"the inbound reply of customer {customer} was not applied");
                }

                latencies[i] = elapsed;
            }
        }));
        return latencies;
    }

    private sealed record Receipt(int Received, int Applied);
}
