using System.Diagnostics;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Benchmarks.Harness;

/// <summary>
/// What a scenario runs against: a temp directory, the Infobip stub and the server over it with the
/// benchmark journeys. Disposing it stops both and deletes the directory.
/// </summary>
internal sealed class Workbench : IAsyncDisposable
{
    private Workbench(string directory, InfobipStub stub, BenchServer server, TextWriter log)
    {
        Directory = directory;
        Stub = stub;
        Server = server;
        Log = log;
    }

    public string Directory { get; }

    public InfobipStub Stub { get; }

    public BenchServer Server { get; }

    /// <summary>Where progress goes.</summary>
    public TextWriter Log { get; }

    public static async Task<Workbench> StartAsync(TextWriter log, TimeSpan? scanInterval = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"journeyplugin-bench-{Guid.NewGuid():N}");
        var workflows = System.IO.Directory.CreateDirectory(Path.Combine(directory, "workflows")).FullName;
        await File.WriteAllTextAsync(Path.Combine(workflows, "bench-send.json"), BenchJourneys.SendOnlyJson(BenchJourneys.SendOnly, BenchServer.Connection));
        await File.WriteAllTextAsync(Path.Combine(workflows, "bench-send-local.json"), BenchJourneys.SendOnlyJson(BenchJourneys.SendOnlyInProcess, BenchServer.InProcessConnection));
        await File.WriteAllTextAsync(Path.Combine(workflows, "bench-wait.json"), BenchJourneys.SendThenWaitJson());
        var stub = await InfobipStub.StartAsync();
        try
        {
            return new Workbench(directory, stub, await BenchServer.StartAsync(stub, directory, scanInterval), log);
        }
        catch
        {
            await stub.DisposeAsync();
            throw;
        }
    }

    /// <summary>Registers (or replaces) a journey, as a designer's save does.</summary>
    public void Register(string json) => Server.Catalog.Register(WorkflowDefinition.Parse(json));

    /// <summary>Starts a campaign run of <paramref name="definitionId"/> over <paramref name="count"/> customers from <paramref name="first"/>.</summary>
    public async Task StartRunAsync(string runId, string definitionId, int count, int first = 0)
    {
        var audience = await Audience.WriteAsync(Directory, runId, count, first);
        await Server.Grains.GetGrain<ICampaignRunGrain>(runId).StartAsync(new CampaignStartRequest { DefinitionId = definitionId, Name = runId, AudiencePath = audience });
    }

    /// <summary>Polls a run's funnel until <paramref name="done"/> holds; fails after <paramref name="timeout"/> without progress.</summary>
    public async Task<FunnelCounts> WaitForFunnelAsync(string runId, Func<FunnelCounts, bool> done, TimeSpan? timeout = null, Action<FunnelCounts>? progress = null)
    {
        var stall = timeout ?? TimeSpan.FromSeconds(60);
        var sinceProgress = Stopwatch.StartNew();
        var report = Stopwatch.StartNew();
        FunnelCounts? last = null;
        while (true)
        {
            var funnel = (await Server.Runs.GetFunnelAsync(runId)).Total;
            progress?.Invoke(funnel);
            if (done(funnel))
            {
                return funnel;
            }

            if (!Same(funnel, last))
            {
                sinceProgress.Restart();
                last = funnel;
            }
            else if (sinceProgress.Elapsed > stall)
            {
                throw new TimeoutException($"run {runId} made no progress for {stall}: {Describe(funnel)}");
            }

            if (report.Elapsed > TimeSpan.FromSeconds(10))
            {
                Log.WriteLine($"    … {runId}: {Describe(funnel)}");
                report.Restart();
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Waits until <paramref name="count"/> instances of a run have <paramref name="status"/>; fails after a minute without progress.</summary>
    public async Task WaitForStatusAsync(string runId, string status, int count)
    {
        var sinceProgress = Stopwatch.StartNew();
        var last = -1;
        while (true)
        {
            var statuses = await Server.Instances.CountStatusesAsync(runId);
            var current = statuses.GetValueOrDefault(status);
            if (current >= count)
            {
                return;
            }

            if (current != last)
            {
                last = current;
                sinceProgress.Restart();
            }
            else if (sinceProgress.Elapsed > TimeSpan.FromSeconds(60))
            {
                var samples = await Server.Instances.ListByRunAsync(runId, 0, 1);
                var sample = samples.Count > 0 ? samples[0] : null;
                var snapshot = sample is null ? null : await Server.Grains.GetGrain<IJourneyInstanceGrain>(sample.InstanceId).GetAsync();
                throw new TimeoutException(
                    $"run {runId}: {current} of {count} instances are {status} after a minute without progress "
                    + $"({string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"))}; e.g. {snapshot?.Status} {snapshot?.Fault})");
            }

            await Task.Delay(25);
        }
    }

    public static string Describe(FunnelCounts f) =>
        $"enrolled {f.Enrolled}, sent {f.Sent}, replied {f.Replied}, timed out {f.TimedOut}, completed {f.Completed}, failed {f.Failed}";

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Stub.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing thread: the temp directory is cleaned by the system.
        }
    }

    private static bool Same(FunnelCounts a, FunnelCounts? b) =>
        b is not null && (a.Enrolled, a.Sent, a.Replied, a.TimedOut, a.Completed, a.Failed) == (b.Enrolled, b.Sent, b.Replied, b.TimedOut, b.Completed, b.Failed);
}
