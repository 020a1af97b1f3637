using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Campaigns.Audience;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Runtime.Timeouts;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace JourneyPlugin.EndToEnd.Tests.Runtime;

/// <summary>A campaign batch starts its instances without their grains; the grains, the scanner and a restart must agree with it.</summary>
public sealed class CampaignBatchTests : IAsyncLifetime, IAsyncDisposable
{
    private const string RunId = "batch";
    private readonly RuntimeTestBed _bed = new();

    public CampaignBatchTests() => _bed.StartSandbox(reports: false);

    private EmbeddedRuntime Runtime => _bed.Runtime!;

    public async Task InitializeAsync()
    {
        // The scanner runs only when a test asks it to.
        await _bed.StartRuntimeAsync(runtime: o => o.TimeoutScanInterval = TimeSpan.FromMinutes(1));
        await Runtime.Runs.CreateAsync(RunId, "welcome-offer", "Batch", "audience.csv");
    }

    public Task DisposeAsync() => _bed.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private CampaignBatchStarter Starter => Runtime.Services.GetRequiredService<CampaignBatchStarter>();

    /// <summary>Enrols a batch and runs its first bursts as a run does; returns how many customers were new.</summary>
    private async Task<int> StartBatchAsync(Workflow workflow, string runId, IReadOnlyList<AudienceRow> rows, CancellationToken cancellationToken)
    {
        var enrolled = await Starter.EnrolAsync(workflow, runId, rows, cancellationToken);
        var bursts = Starter.CreateQueue();
        bursts.Add(enrolled);
        await bursts.WhenIdleAsync();
        return enrolled.Count;
    }

    private TimeoutScanner Scanner => Runtime.Services.GetServices<IHostedService>().OfType<TimeoutScanner>().Single();

    private static AudienceRow Row(string customer, string phone) => new()
    {
        RowNumber = 1,
        CustomerKey = customer,
        Phone = phone,
        Attributes = new JsonObject { ["first_name"] = "Lan", ["promo_code"] = "WELCOME15" },
    };

    private static string InstanceId(string customer) => JourneyStartRequest.InstanceIdFor("welcome-offer", RunId, customer);

    private InstancesInBatch InBatch => Runtime.Services.GetRequiredService<InstancesInBatch>();

    /// <summary>Enrols an instance as a batch does before its first burst: held by the batch, saved running, due at once.</summary>
    private async Task<JourneyInstanceSession> EnrolInBatchAsync(string customer, string phone)
    {
        var workflow = await WelcomeAsync();
        var runner = Runtime.Services.GetRequiredService<WorkflowRunner>();
        var state = runner.CreateInstance(workflow, new WorkflowStartRequest
        {
            InstanceId = InstanceId(customer),
            RunId = RunId,
            CorrelationId = customer,
            Customer = new JsonObject { ["phone"] = phone, ["first_name"] = "Lan", ["promo_code"] = "WELCOME15" },
        });
        Assert.True(InBatch.TryAdd(state.InstanceId));
        var session = new JourneyInstanceSession(Runtime.Instances, Runtime.Conversations, runner, TimeProvider.System, NullLogger.Instance, workflow, state, stored: null);
        await session.EnrolAsync();
        return session;
    }

    private async Task<Workflow> WelcomeAsync() => (await Runtime.Catalog.FindAsync("welcome-offer"))!;

    [Fact]
    public async Task A_batch_started_again_after_a_restart_leaves_the_customers_it_enrolled_before_alone()
    {
        var workflow = await WelcomeAsync();

        Assert.Equal(1, await StartBatchAsync(workflow, RunId, [Row("c1", "84912345671")], CancellationToken.None));
        Assert.Equal(0, await StartBatchAsync(workflow, RunId, [Row("c1", "84912345671"), Row("c1", "84912345671")], CancellationToken.None));

        Assert.Single(_bed.Sandbox.AcceptedMessages);
        var funnel = (await Runtime.Runs.GetFunnelAsync(RunId)).Total;
        Assert.Equal((1, 1), (funnel.Enrolled, funnel.Sent));
        Assert.Equal("Suspended", (await Runtime.Instances.GetAsync(InstanceId("c1")))!.Status);
    }

    [Fact]
    public async Task A_grain_woken_before_its_batch_stored_the_instance_reads_it_again()
    {
        var grain = Runtime.Grains.GetGrain<IJourneyInstanceGrain>(InstanceId("c2"));
        Assert.Null(await grain.GetAsync());

        await StartBatchAsync(await WelcomeAsync(), RunId, [Row("c2", "84912345672")], CancellationToken.None);

        Assert.Equal("Suspended", (await grain.GetAsync())!.Status);
    }

    [Fact]
    public async Task A_grain_that_read_a_wait_its_batch_saved_mid_burst_reads_again_once_the_batch_let_go()
    {
        var id = InstanceId("c7");
        var session = await EnrolInBatchAsync("c7", "84912345677");
        var state = session.State;
        await Runtime.Services.GetRequiredService<WorkflowRunner>().RunAsync(session.Workflow!, state, session);
        await session.SaveAsync([]);

        // The grain reads the wait the batch saved; the batch then goes on (a reply held for that wait) and saves again.
        var grain = Runtime.Grains.GetGrain<IJourneyInstanceGrain>(id);
        Assert.Equal("Suspended", (await grain.GetAsync())!.Status);
        Assert.Equal("Suspended", (await grain.GetAsync())!.Status);
        state.Status = WorkflowStatus.Finished;
        state.Bookmarks.Clear();
        await session.SaveAsync([]);
        InBatch.Remove(id);

        Assert.Equal("Finished", (await grain.GetAsync())!.Status);
    }

    [Fact]
    public async Task The_timeout_scanner_leaves_an_instance_to_its_batch_and_resumes_it_once_no_batch_holds_it()
    {
        // As a batch leaves an instance right after enrolling it: saved running, due at once.
        var id = InstanceId("c3");
        await EnrolInBatchAsync("c3", "84912345673");

        Assert.Equal(0, await Scanner.ScanAsync(CancellationToken.None));
        Assert.Empty(_bed.Sandbox.AcceptedMessages);

        // Its batch is gone (the process that ran it died): the scanner takes it from its last save.
        InBatch.Remove(id);
        Assert.Equal(1, await Scanner.ScanAsync(CancellationToken.None));
        Assert.Equal("Suspended", (await Runtime.Instances.GetAsync(id))!.Status);
        Assert.Equal("84912345673", Assert.Single(_bed.Sandbox.AcceptedMessages).To);
    }
}
