using System.Text;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WireMock.Server;

namespace JourneyPlugin.EndToEnd.Tests.Runtime;

/// <summary>Campaign runs on the embedded runtime: an audience file in, a funnel out.</summary>
[Collection(HeavyTests.Name)]
public sealed class CampaignRunTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly RuntimeTestBed _bed = new();

    public CampaignRunTests()
    {
        Directory.CreateDirectory(_bed.DataDirectory);
        _bed.StartSandbox(reports: true, o =>
        {
            o.WebhookBatchWindow = TimeSpan.FromMilliseconds(20);
            o.ReplyRules =
            [
                new SandboxReplyRule("Yes please") { TemplateName = "welcome_offer", LastDigits = [1, 2, 3], ButtonPayload = "Yes please", Delay = TimeSpan.FromMilliseconds(30) },
                new SandboxReplyRule("No thanks") { TemplateName = "welcome_offer", LastDigits = [6, 7], Delay = TimeSpan.FromMilliseconds(30) },
            ];
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _bed.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>An audience of <paramref name="customers"/> valid rows, with an invalid phone every 50th row.</summary>
    private string WriteAudience(int customers)
    {
        var csv = new StringBuilder("customer_id,phone,first_name,promo_code\n");
        for (var i = 0; i < customers; i++)
        {
            csv.Append(CultureInfo(i)).Append(',').Append(i % 50 == 49 ? "0912 345" : $"849123{i:00000}").Append(",Guest").Append(i).Append(",WELCOME15\n");
        }

        var path = Path.Combine(_bed.DataDirectory, "audience.csv");
        File.WriteAllText(path, csv.ToString());
        return path;

        static string CultureInfo(int i) => $"c{i:00000}";
    }

    private static bool Replies(int i) => i % 50 != 49 && (i % 10) is 1 or 2 or 3 or 6 or 7;

    [Theory]
    [InlineData(300)]
    [InlineData(10_000)]
    public async Task A_run_enrols_its_audience_reports_bad_rows_and_fills_the_funnel(int customers)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var runtime = await _bed.StartRuntimeAsync();
        var run = runtime.Grains.GetGrain<ICampaignRunGrain>("run-300");

        await run.StartAsync(new CampaignStartRequest { DefinitionId = "welcome-offer", Name = "Welcome", AudiencePath = WriteAudience(customers) });

        var valid = Enumerable.Range(0, customers).Count(i => i % 50 != 49);
        var replying = Enumerable.Range(0, customers).Count(Replies);
        FunnelCounts funnel = FunnelCounts.Empty;
        for (var i = 0; i < 3000 && (funnel.Completed < replying || funnel.Seen < valid + replying); i++)
        {
            await Task.Delay(100);
            funnel = (await runtime.Runs.GetFunnelAsync("run-300")).Total;
        }

        var snapshot = await run.GetAsync();
        Assert.Equal(("Completed", true, customers + 1L, customers / 50L), (snapshot!.Status, snapshot.EnrolmentFinished, snapshot.RowsRead, snapshot.RowsRejected));
        var rejected = await runtime.Runs.ListRejectedRowsAsync("run-300", 0, 1000);
        Assert.Equal(customers / 50, rejected.Count);
        Assert.Contains("no country code", rejected[0].Reason, StringComparison.Ordinal);

        Assert.True(funnel.Completed == replying, $"funnel: enrolled {funnel.Enrolled}, sent {funnel.Sent}, replied {funnel.Replied}, completed {funnel.Completed}, failed {funnel.Failed}; sandbox {_bed.Sandbox.AcceptedMessages.Count}");
        Assert.Equal(valid, funnel.Enrolled);
        Assert.Equal(replying, funnel.Replied);
        Assert.Equal(replying, funnel.Completed);
        Assert.Equal(valid + replying, funnel.Sent);
        Assert.Equal(valid + replying, funnel.Delivered);
        Assert.Equal(valid + replying, funnel.Seen);
        Assert.Equal(0, funnel.Failed);
        var offerStep = (await runtime.Runs.GetFunnelAsync("run-300")).Steps.Values.Single(s => s.Sent == valid);
        Assert.Equal((valid, valid), (offerStep.Delivered, offerStep.Seen));

        // Every customer got the offer exactly once; those who replied got exactly one answer.
        var byCustomer = _bed.Sandbox.AcceptedMessages.GroupBy(m => m.To).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(valid, byCustomer.Count);
        Assert.All(Enumerable.Range(0, customers).Where(i => i % 50 != 49), i => Assert.Equal(Replies(i) ? 2 : 1, byCustomer[$"849123{i:00000}"]));
        Console.WriteLine($"Campaign of {customers} customers: {started.Elapsed.TotalSeconds:0.0} s, {_bed.Sandbox.AcceptedMessages.Count / started.Elapsed.TotalSeconds:0} messages/s, working set {Environment.WorkingSet / 1024 / 1024} MB");
    }

    [Fact]
    public async Task A_paused_run_stops_enrolling_and_resumes_where_it_stopped()
    {
        var runtime = await _bed.StartRuntimeAsync(campaigns: o =>
        {
            o.BatchSize = 10;
            o.BatchInterval = TimeSpan.FromMilliseconds(100);
        });
        var run = runtime.Grains.GetGrain<ICampaignRunGrain>("run-pause");

        await run.StartAsync(new CampaignStartRequest { DefinitionId = "welcome-offer", Name = "Paced", AudiencePath = WriteAudience(200) });
        await Task.Delay(250);
        var paused = await run.PauseAsync();
        await Task.Delay(400);
        var stillPaused = await run.GetAsync();

        Assert.Equal("Paused", paused.Status);
        Assert.InRange(paused.RowsRead, 1, 150);
        Assert.Equal(paused.RowsRead, stillPaused!.RowsRead);

        await run.ResumeAsync();
        CampaignRunSnapshot? done = null;
        for (var i = 0; i < 200 && done?.EnrolmentFinished != true; i++)
        {
            await Task.Delay(100);
            done = await run.GetAsync();
        }

        Assert.Equal(201, done!.RowsRead);
        Assert.Equal(196, (await runtime.Runs.GetFunnelAsync("run-pause")).Total.Enrolled);
    }

    [Fact]
    public async Task A_pause_answers_without_waiting_for_its_batch_to_be_sent_and_nothing_is_sent_until_the_resume()
    {
        var (runtime, run) = await StartPacedRunAsync();

        var paused = await run.PauseAsync();
        var sentAtPause = _bed.Sandbox.AcceptedMessages.Count;
        await Task.Delay(500);

        // The batch holds every customer: a pause that waited for it would come after all of them were sent.
        Assert.Equal("Paused", paused.Status);
        Assert.InRange(sentAtPause, 3, PacedCustomers - 10);
        Assert.Equal(sentAtPause, _bed.Sandbox.AcceptedMessages.Count);

        await run.ResumeAsync();
        await WaitUntilAsync(async () => (await run.GetAsync())!.Status == "Completed");
        Assert.Equal(PacedCustomers, (await runtime.Runs.GetFunnelAsync("run-paced")).Total.Sent);
        Assert.All(_bed.Sandbox.AcceptedMessages.GroupBy(m => m.To), g => Assert.Single(g));
        Assert.Equal(PacedCustomers, _bed.Sandbox.AcceptedMessages.Count);
    }

    [Fact]
    public async Task A_cancel_answers_without_waiting_for_its_batch_to_be_sent_and_the_customers_not_reached_get_nothing()
    {
        var (runtime, run) = await StartPacedRunAsync();

        var cancelled = await run.CancelAsync();
        var sentAtCancel = _bed.Sandbox.AcceptedMessages.Count;
        await WaitUntilAsync(async () => await runtime.Instances.CountByStatusAsync("run-paced", "Cancelled") == PacedCustomers);

        Assert.Equal("Cancelled", cancelled.Status);
        Assert.InRange(sentAtCancel, 3, PacedCustomers - 10);
        Assert.Equal(sentAtCancel, _bed.Sandbox.AcceptedMessages.Count);
        Assert.All(_bed.Sandbox.AcceptedMessages.GroupBy(m => m.To), g => Assert.Single(g));
        Assert.Equal(sentAtCancel, (await runtime.Runs.GetFunnelAsync("run-paced")).Total.Sent);
    }

    [Fact]
    public async Task A_process_stopped_mid_run_lets_the_sends_under_way_finish_and_after_the_restart_every_customer_gets_one_message()
    {
        await StartPacedRunAsync();

        await _bed.StopRuntimeAsync();
        var runtime = await StartPacedRuntimeAsync();

        // Every send under way when the process stopped has its outcome: none is left for the settlement policy.
        Assert.Empty(await runtime.Ledger.FindUnsettledAsync(DateTimeOffset.MaxValue, 100));
        var run = runtime.Grains.GetGrain<ICampaignRunGrain>("run-paced");
        await WaitUntilAsync(async () => (await run.GetAsync())!.Status == "Completed" && (await runtime.Runs.GetFunnelAsync("run-paced")).Total.Sent == PacedCustomers);
        Assert.Equal(PacedCustomers, _bed.Sandbox.AcceptedMessages.Count);
        Assert.All(_bed.Sandbox.AcceptedMessages.GroupBy(m => m.To), g => Assert.Single(g));
    }

    [Fact]
    public async Task A_run_paused_then_restarted_sends_nothing_until_it_is_resumed()
    {
        var (_, paused) = await StartPacedRunAsync();
        await paused.PauseAsync();
        var sentAtPause = _bed.Sandbox.AcceptedMessages.Count;

        // The customers the run had enrolled and not yet sent to are due after the restart, as cut-short bursts.
        await _bed.StopRuntimeAsync();
        var runtime = await StartPacedRuntimeAsync();
        await Task.Delay(1000);
        Assert.Equal(sentAtPause, _bed.Sandbox.AcceptedMessages.Count);
        Assert.True(await runtime.Instances.CountByStatusAsync("run-paced", "Running") > 0);

        var run = runtime.Grains.GetGrain<ICampaignRunGrain>("run-paced");
        await run.ResumeAsync();
        await WaitUntilAsync(async () => (await run.GetAsync())!.Status == "Completed" && (await runtime.Runs.GetFunnelAsync("run-paced")).Total.Sent == PacedCustomers);
        Assert.Equal(PacedCustomers, _bed.Sandbox.AcceptedMessages.Count);
        Assert.All(_bed.Sandbox.AcceptedMessages.GroupBy(m => m.To), g => Assert.Single(g));
    }

    [Fact]
    public async Task A_run_whose_journey_is_missing_for_a_while_enrols_every_customer_once_it_is_back()
    {
        var runtime = await _bed.StartRuntimeAsync(campaigns: o =>
        {
            o.BatchSize = 10;
            o.BatchInterval = TimeSpan.FromMilliseconds(20);
        });
        var journey = runtime.Catalog.Find("welcome-offer")!.Definition;
        var run = runtime.Grains.GetGrain<ICampaignRunGrain>("run-gap");
        await run.StartAsync(new CampaignStartRequest { DefinitionId = "welcome-offer", Name = "Gap", AudiencePath = WriteQuietAudience(200) });
        await WaitUntilAsync(async () => (await runtime.Runs.GetFunnelAsync("run-gap")).Total.Enrolled >= 10);

        // Ticks that find no journey (a redeploy, say) read rows they cannot enrol; the rows must not be lost.
        runtime.Catalog.Remove("welcome-offer");
        await Task.Delay(300);
        runtime.Catalog.Register(journey);
        await WaitUntilAsync(async () => (await run.GetAsync())!.Status == "Completed");

        // Row numbers count the header line.
        Assert.Equal((200L, 201L), ((await runtime.Runs.GetFunnelAsync("run-gap")).Total.Enrolled, (await run.GetAsync())!.RowsRead));
        Assert.Equal(200, _bed.Sandbox.AcceptedMessages.Select(m => m.To).Distinct().Count());
    }

    /// <summary>Customers enough for one batch, sent at 20 a second, four at a time: a batch takes seconds to send.</summary>
    private const int PacedCustomers = 60;

    /// <summary>Starts a run of <see cref="PacedCustomers"/> and returns once its first messages are out.</summary>
    private async Task<(EmbeddedRuntime Runtime, ICampaignRunGrain Run)> StartPacedRunAsync()
    {
        var runtime = await StartPacedRuntimeAsync();
        var run = runtime.Grains.GetGrain<ICampaignRunGrain>("run-paced");
        await run.StartAsync(new CampaignStartRequest { DefinitionId = "welcome-offer", Name = "Paced", AudiencePath = WriteQuietAudience(PacedCustomers) });
        await WaitUntilAsync(() => Task.FromResult(_bed.Sandbox.AcceptedMessages.Count >= 3));
        return (runtime, run);
    }

    private Task<EmbeddedRuntime> StartPacedRuntimeAsync() => _bed.StartRuntimeAsync(
        campaigns: o =>
        {
            o.BatchSize = 100;
            o.Parallelism = 4;
        },
        connection: o => o.MessagesPerSecond = 20);

    /// <summary>An audience of customers whose numbers the sandbox never replies from.</summary>
    private string WriteQuietAudience(int customers)
    {
        var path = Path.Combine(_bed.DataDirectory, "quiet-audience.csv");
        File.WriteAllText(path, "customer_id,phone,first_name,promo_code\n" + string.Concat(Enumerable.Range(0, customers).Select(i => $"q{i},8491{i:000000}{"04589"[i % 5]},Quiet,WELCOME15\n")));
        return path;
    }

    [Fact]
    public async Task After_a_restart_only_the_cancelled_runs_with_instances_left_to_cancel_are_woken()
    {
        // Five customers who never reply, so each run's instances wait.
        var audience = Path.Combine(_bed.DataDirectory, "quiet.csv");
        File.WriteAllText(audience, "customer_id,phone,first_name,promo_code\n" + string.Concat("04589".Select(d => $"q{d},8491234000{d},Quiet,WELCOME15\n")));
        var runtime = await _bed.StartRuntimeAsync();
        foreach (var runId in new[] { "run-swept", "run-left" })
        {
            await runtime.Grains.GetGrain<ICampaignRunGrain>(runId).StartAsync(new CampaignStartRequest { DefinitionId = "welcome-offer", Name = runId, AudiencePath = audience });
            await WaitUntilAsync(async () => await runtime.Instances.CountByStatusAsync(runId, "Suspended") == 5);
        }

        await runtime.Grains.GetGrain<ICampaignRunGrain>("run-swept").CancelAsync();
        await WaitUntilAsync(async () => !await runtime.Instances.HasActiveAsync("run-swept"));
        await _bed.StopRuntimeAsync();

        // As if the process had stopped between a cancel and its sweep.
        runtime = await _bed.StartRuntimeAsync();
        await runtime.Runs.UpdateStatusAsync("run-left", RunStatus.Cancelled);
        var reactivator = runtime.Services.GetServices<IHostedService>().OfType<CampaignRunReactivator>().Single();

        Assert.Equal(1, await reactivator.ReactivateAsync(CancellationToken.None));
        await WaitUntilAsync(async () => await runtime.Instances.CountByStatusAsync("run-left", "Cancelled") == 5);
        Assert.Equal(5, await runtime.Instances.CountByStatusAsync("run-swept", "Cancelled"));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the condition did not hold within 30 s");
    }
}
