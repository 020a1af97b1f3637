using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text.Json;
using System.Threading.Channels;
using JourneyPlugin.Benchmarks.Harness;
using JourneyPlugin.Benchmarks.Reporting;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Benchmarks.Scenarios;

/// <summary>
/// The send path against the physical limit: the same N template messages (a) posted by a bare
/// HttpClient loop straight to the stub, (b) sent by a campaign run of a one-step journey through
/// the whole engine (enrol, render, ledger, send, persist). Both use the campaign's parallelism. Then
/// (c): the durable writes of (b)'s messages alone, through the same store, which bounds what (b) can reach;
/// and (d): (b) again with the stub answering inside the Infobip client's pipeline, no sockets, which shows
/// what (b) costs without the network.
/// </summary>
internal static class SendScenario
{
    public const string Name = "send";

    /// <summary>The most warm-up campaigns: on two busy cores the JIT takes 30,000–40,000 messages to settle.</summary>
    private const int MaxWarmUpRounds = 8;

    public static async Task<IReadOnlyList<Figure>> RunAsync(Workbench bench, int n, string runId = "send")
    {
        var parallelism = bench.Server.Services.GetRequiredService<IOptions<CampaignOptions>>().Value.Parallelism;
        bench.Log.WriteLine($"[{Name}] {n:N0} messages, {parallelism} in flight");

        // Warm both paths up (JIT, connections, SQLite pages), then measure.
        var warmUp = Math.Clamp(n / 10, 50, 10_000);
        await BareLoopAsync(bench, warmUp, parallelism, offset: 50_000_000);
        await WarmUpCampaignAsync(bench, runId, warmUp);

        using var writer = new WriterLoad(bench.Server.Services.GetRequiredService<IMeterFactory>());
        var cpu = CpuTime();
        var jit = JitInfo.GetCompilationTime();
        var bare = await BareLoopAsync(bench, n, parallelism, offset: 0);
        var bareCpu = (CpuTime() - cpu).TotalMicroseconds / n;
        var bareRate = n / bare.TotalSeconds;
        bench.Log.WriteLine($"  (a) bare HttpClient loop: {bare.TotalSeconds:N2} s, {bareRate:N0} msg/s, {bareCpu:N0} µs CPU per message; JIT {(JitInfo.GetCompilationTime() - jit).TotalMilliseconds:N0} ms");

        bench.Stub.Reset();
        bench.Stub.RecordIds = true;
        cpu = CpuTime();
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var gcs = GC.CollectionCount(0);
        jit = JitInfo.GetCompilationTime();
        var commits = writer.Read();
        var engine = await CampaignAsync(bench, runId, BenchJourneys.SendOnly, n, first: 0);
        var engineCommits = writer.Read() - commits;
        var engineJit = JitInfo.GetCompilationTime() - jit;
        var engineCpu = (CpuTime() - cpu).TotalMicroseconds / n;
        var engineAllocated = (GC.GetTotalAllocatedBytes() - allocated) / (double)n;
        bench.Stub.RecordIds = false;
        var engineRate = n / engine.TotalSeconds;
        var perRequest = bench.Stub.Received / (double)Math.Max(1, bench.Stub.Requests);
        bench.Log.WriteLine($"  (b) campaign through the engine: {engine.TotalSeconds:N2} s, {engineRate:N0} msg/s, {engineCpu:N0} µs CPU per message; the stub answered {bench.Stub.Received:N0} in {bench.Stub.Requests:N0} requests");
        bench.Log.WriteLine($"  (b) {engineAllocated:N0} B allocated per message; GC paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:N0} ms in {GC.CollectionCount(0) - gcs} gen0 collections; JIT {engineJit.TotalMilliseconds:N0} ms");
        LogWriter(bench, "(b)", engineCommits, engine);
        if (bench.Stub.Received != n)
        {
            throw new InvalidOperationException($"the stub answered {bench.Stub.Received} messages, not {n}");
        }

        var sample = (await bench.Server.Instances.ListByRunAsync(runId, 0, 1))[0];
        var finished = await bench.Server.Instances.GetAsync(sample.InstanceId) ?? throw new InvalidOperationException("the run's first instance is gone");
        cpu = CpuTime();
        commits = writer.Read();
        var writes = await StoreOnlyAsync(bench, $"{runId}-writes", finished, n);
        var writesCpu = (CpuTime() - cpu).TotalMicroseconds / n;
        var writesRate = n / writes.TotalSeconds;
        bench.Log.WriteLine($"  (c) the same messages' durable writes alone ({finished.StateJson.Length:N0} characters of state): {writes.TotalSeconds:N2} s, {writesRate:N0} msg/s, {writesCpu:N0} µs CPU per message");
        LogWriter(bench, "(c)", writer.Read() - commits, writes);

        // Same journey, connection answered in process: the JIT has compiled all but the handler already.
        await CampaignAsync(bench, $"{runId}-local-warmup", BenchJourneys.SendOnlyInProcess, warmUp, first: 8_000_000);

        // Counted from here rather than reset: the stub keeps (b)'s message ids for the webhook scenario.
        var (received, requests) = (bench.Stub.Received, bench.Stub.Requests);
        cpu = CpuTime();
        commits = writer.Read();
        var local = await CampaignAsync(bench, $"{runId}-local", BenchJourneys.SendOnlyInProcess, n, first: 0);
        var localCommits = writer.Read() - commits;
        var localCpu = (CpuTime() - cpu).TotalMicroseconds / n;
        var localRate = n / local.TotalSeconds;
        (received, requests) = (bench.Stub.Received - received, bench.Stub.Requests - requests);
        bench.Log.WriteLine($"  (d) campaign, the stub answering in process (no sockets): {local.TotalSeconds:N2} s, {localRate:N0} msg/s, {localCpu:N0} µs CPU per message; {received:N0} messages in {requests:N0} requests");
        LogWriter(bench, "(d)", localCommits, local);
        if (received != n)
        {
            throw new InvalidOperationException($"the stub answered {received} messages in process, not {n}");
        }

        return
        [
            new(Name, "(a) bare HttpClient POSTs to the stub", bareRate, "msg/s"),
            new(Name, "(b) campaign run through the engine", engineRate, "msg/s"),
            new(Name, "ratio (b)/(a)", engineRate / bareRate, "", Target: 0.8),
            new(Name, "(c) the engine's durable writes alone (no HTTP, no steps)", writesRate, "msg/s"),
            new(Name, "ceiling (c)/(a): the ratio if all else were free", writesRate / bareRate, ""),
            new(Name, "(c) CPU per message", writesCpu, "µs"),
            new(Name, "(a) CPU per message, stub included", bareCpu, "µs"),
            new(Name, "(b) CPU per message, stub included", engineCpu, "µs"),

            // Steadier than the rates' ratio on a machine whose speed swings: what (b)/(a) would be if both ran the CPU flat out.
            new(Name, "CPU ratio (a)/(b): the ratio if both were CPU-bound", bareCpu / engineCpu, ""),
            new(Name, "(d) campaign run, the stub answering in process (no sockets)", localRate, "msg/s"),
            new(Name, "(d) CPU per message, stub included", localCpu, "µs"),
            new(Name, "ratio (d)/(a): the ratio if the network cost nothing", localRate / bareRate, ""),
            new(Name, "(b) messages per request (template bulks)", perRequest, ""),
            new(Name, "(b) managed allocations per message", engineAllocated, "B"),

            // Near 1, every durable step queues for the one writer; well under, the rest of the engine sets the pace.
            new(Name, "(b) share of the time the store's one writer was busy", engineCommits.BusyShareOf(engine), ""),
            new(Name, "(d) share of the time the store's one writer was busy", localCommits.BusyShareOf(local), ""),
        ];
    }

    private static void LogWriter(Workbench bench, string phase, WriterLoad.Sample commits, TimeSpan elapsed) =>
        bench.Log.WriteLine($"  {phase} the store's writer: busy {commits.BusyShareOf(elapsed):P0} of the time, {commits.Commits:N0} commits of {commits.WritesPerCommit:N0} writes on average");

    /// <summary>
    /// Runs warm-up campaigns until the JIT has settled: the engine's code goes through tiers (quick,
    /// instrumented, optimised) for tens of thousands of messages, and a server that sends campaigns runs
    /// long past that, so its throughput is the steady state's. Stops when a round spent under 2% of its
    /// time compiling, or after <see cref="MaxWarmUpRounds"/>.
    /// </summary>
    private static async Task WarmUpCampaignAsync(Workbench bench, string runId, int count)
    {
        for (var round = 1; round <= MaxWarmUpRounds; round++)
        {
            var jit = JitInfo.GetCompilationTime();
            var elapsed = await CampaignAsync(bench, $"{runId}-warmup{round}", BenchJourneys.SendOnly, count, first: 9_000_000 + (round * 10_000));
            var share = (JitInfo.GetCompilationTime() - jit) / elapsed;
            bench.Log.WriteLine($"  warm-up campaign {round}: {count:N0} messages, {count / elapsed.TotalSeconds:N0} msg/s, {share:P0} of the time compiling");
            if (share < 0.02)
            {
                return;
            }
        }
    }

    /// <summary>
    /// What the store alone does for a campaign message, in the shape of a campaign run: each batch's
    /// enrolment in one write, made while the last batch's messages are still written (as a run enrols its
    /// next batch once at most a batch is pending), then per message its ledger row, its outcome and the
    /// instance's save with its funnel counts, the campaign's parallelism at once across batches, through
    /// the real store (group commit, fsync) but without HTTP, steps or grains, counted in a run of their
    /// own, <paramref name="runId"/>. <paramref name="finished"/>, an instance as (b) left it, gives the
    /// state the writes carry.
    /// </summary>
    private static async Task<TimeSpan> StoreOnlyAsync(Workbench bench, string runId, StoredInstance finished, int count)
    {
        var options = bench.Server.Services.GetRequiredService<IOptions<CampaignOptions>>().Value;
        var ledger = bench.Server.Services.GetRequiredService<ISendLedger>();
        var store = bench.Server.Instances;
        await bench.Server.Runs.CreateAsync(runId, finished.DefinitionId, runId, null);
        var enrolled = Channel.CreateBounded<StoredInstance>(options.BatchSize);
        var clock = Stopwatch.StartNew();
        var enrolment = Task.Run(async () =>
        {
            try
            {
                for (var first = 0; first < count; first += options.BatchSize)
                {
                    var now = DateTimeOffset.UtcNow;
                    var batch = Enumerable.Range(first, Math.Min(options.BatchSize, count - first))
                        .Select(i => finished with { InstanceId = $"{runId}:{i}", RunId = runId, CustomerKey = $"{runId}-{i}", Status = "Running", NextDueAt = now, CreatedAt = now, UpdatedAt = now, Version = 0 })
                        .ToList();
                    await store.InsertNewAsync(batch, i => [new FunnelIncrement(runId, null, FunnelCounter.Enrolled)]);
                    foreach (var instance in batch)
                    {
                        await enrolled.Writer.WriteAsync(instance);
                    }
                }

                enrolled.Writer.Complete();
            }
            catch (Exception e)
            {
                // The writers stop too, with this failure.
                enrolled.Writer.Complete(e);
                throw;
            }
        });
        await Parallel.ForEachAsync(enrolled.Reader.ReadAllAsync(), new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, async (instance, cancellationToken) =>
        {
            var messageId = $"{instance.CustomerKey}-send";
            await ledger.ReserveAsync(new LedgerReservation(messageId, instance.InstanceId, runId, "send", BenchServer.Connection, Audience.Phone(0)), cancellationToken);
            await ledger.RecordOutcomeAsync(messageId, LedgerSendState.Accepted, "PENDING_ENROUTE", null, DateTimeOffset.UtcNow, cancellationToken);
            var saved = instance with { Status = finished.Status, NextDueAt = null, UpdatedAt = DateTimeOffset.UtcNow };
            await store.SaveAsync(saved, 1, [new FunnelIncrement(runId, "send", FunnelCounter.Sent), new FunnelIncrement(runId, null, FunnelCounter.Completed)], cancellationToken);
        });
        await enrolment;

        var elapsed = clock.Elapsed;
        var funnel = (await bench.Server.Runs.GetFunnelAsync(runId)).Total;
        if (funnel.Enrolled != count || funnel.Sent != count || funnel.Completed != count)
        {
            throw new InvalidOperationException($"run {runId}: {Workbench.Describe(funnel)}, expected {count} enrolled, sent and completed");
        }

        return elapsed;
    }

    /// <summary>The CPU time this process has used, every thread (the stub's too).</summary>
    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Runs a campaign of <paramref name="journey"/> over <paramref name="count"/> customers to completion: every instance sent and ended.</summary>
    private static async Task<TimeSpan> CampaignAsync(Workbench bench, string runId, string journey, int count, int first)
    {
        var clock = Stopwatch.StartNew();
        await bench.StartRunAsync(runId, journey, count, first);
        var funnel = await bench.WaitForFunnelAsync(runId, f => f.Completed + f.Failed >= count);
        var elapsed = clock.Elapsed;
        if (funnel.Sent != count || funnel.Completed != count)
        {
            throw new InvalidOperationException($"run {runId}: {Workbench.Describe(funnel)}, expected {count} sent and completed");
        }

        return elapsed;
    }

    /// <summary>POSTs <paramref name="count"/> template requests, <paramref name="parallelism"/> at a time, as the Infobip client would shape them.</summary>
    private static async Task<TimeSpan> BareLoopAsync(Workbench bench, int count, int parallelism, int offset)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = bench.Stub.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("App", BenchServer.ApiKey);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var content = new ByteArrayContent(TemplateRequest(offset + i));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync(new Uri("whatsapp/1/message/template", UriKind.Relative), content);
                response.EnsureSuccessStatusCode();
                using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
                if (answer.RootElement.GetProperty("messages")[0].GetProperty("messageId").GetString() is null)
                {
                    throw new InvalidOperationException("the stub answered without a message id");
                }
            }
        }));
        return clock.Elapsed;
    }

    private static byte[] TemplateRequest(int index)
    {
        using var buffer = new MemoryStream(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("messages");
            json.WriteStartObject();
            json.WriteString("from", BenchServer.Sender);
            json.WriteString("to", Audience.Phone(index));
            json.WriteString("messageId", $"bare-{index}");
            json.WriteStartObject("content");
            json.WriteString("templateName", "welcome_offer");
            json.WriteStartObject("templateData");
            json.WriteStartObject("body");
            json.WriteStartArray("placeholders");
            json.WriteStringValue($"Guest{index}");
            json.WriteStringValue("WELCOME15");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("language", "en");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
