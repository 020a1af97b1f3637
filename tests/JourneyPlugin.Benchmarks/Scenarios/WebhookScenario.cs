using System.Diagnostics;
using System.Net.Http.Json;
using JourneyPlugin.Benchmarks.Harness;
using JourneyPlugin.Benchmarks.Reporting;

namespace JourneyPlugin.Benchmarks.Scenarios;

/// <summary>
/// Webhook ingestion: delivery reports for messages the engine sent, posted to the server's real
/// delivery-report endpoint (HMAC check, parse, ledger update and funnel in one transaction per
/// POST, answered after the commit), half in batches of 100 results and half in batches of 2,000.
/// </summary>
internal static class WebhookScenario
{
    public const string Name = "webhooks";

    /// <summary>Measures on the messages the stub recorded during <see cref="SendScenario"/>.</summary>
    public static async Task<IReadOnlyList<Figure>> RunAsync(Workbench bench, int concurrency)
    {
        var sent = bench.Stub.Messages.ToList();
        if (sent.Count == 0)
        {
            throw new InvalidOperationException("no sent messages to report on: run the send scenario first");
        }

        bench.Log.WriteLine($"[{Name}] delivery reports for {sent.Count:N0} sent messages, {concurrency} POSTs at a time");
        var half = sent.Count / 2;
        var small = await PostAsync(bench, sent[..half], 100, concurrency);
        var large = await PostAsync(bench, sent[half..], 2_000, concurrency);
        return
        [
            new(Name, "delivery reports, batches of 100", small, "results/s", Target: 10_000),
            new(Name, "delivery reports, batches of 2,000", large, "results/s", Target: 10_000),
        ];
    }

    private static async Task<double> PostAsync(Workbench bench, List<(string To, string MessageId)> messages, int batchSize, int concurrency)
    {
        var bodies = messages.Chunk(batchSize).Select(Webhooks.Delivered).ToList();
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        var next = -1;
        var applied = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var request = bench.Server.Webhook("delivery-reports", bodies[i]);
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                var receipt = await response.Content.ReadFromJsonAsync<Receipt>();
                Interlocked.Add(ref applied, receipt?.Applied ?? 0);
            }
        }));
        var rate = messages.Count / clock.Elapsed.TotalSeconds;
        if (applied != messages.Count)
        {
            throw new InvalidOperationException($"{applied} of {messages.Count} delivery reports were applied");
        }

        bench.Log.WriteLine($"  batches of {batchSize:N0}: {messages.Count:N0} results in {clock.Elapsed.TotalSeconds:N2} s, {rate:N0} results/s");
        return rate;
    }

    private sealed record Receipt(int Received, int Applied);
}
