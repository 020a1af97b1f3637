using System.Text;
using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Execution;
using WireMock.Server;

namespace JourneyPlugin.EndToEnd.Tests.Runtime;

/// <summary>Journeys on the embedded runtime (Orleans + SQLite) against the sandbox, including a restart.</summary>
public sealed class EmbeddedRuntimeTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly RuntimeTestBed _bed = new();

    public EmbeddedRuntimeTests() => _bed.StartSandbox(reports: false, o => o.ReplyRules =
        [new SandboxReplyRule("Yes please") { TemplateName = "welcome_offer", LastDigits = [1], ButtonPayload = "Yes please", Delay = TimeSpan.FromMilliseconds(50) }]);

    private EmbeddedRuntime Runtime => _bed.Runtime!;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _bed.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private static JourneyStartRequest Welcome(string phone) => new()
    {
        DefinitionId = "welcome-offer",
        CustomerKey = phone,
        CustomerJson = new JsonObject { ["phone"] = phone, ["first_name"] = "Lan", ["promo_code"] = "WELCOME15" }.ToJsonString(),
    };

    // Started as by an event, without a campaign run.
    private static string InstanceId(string phone) => JourneyStartRequest.InstanceIdFor("welcome-offer", null, phone);

    /// <summary>Start, a delay, End.</summary>
    private static WorkflowDefinition PauseJourney(TimeSpan delay)
    {
        var definition = WorkflowDefinition.Create("pause", "Pause");
        var start = definition.Root.AddActivity("Elsa.Start");
        var wait = definition.Root.AddActivity("Elsa.Delay");
        wait.SetInput("timeSpan", InputValue.Literal(System.Xml.XmlConvert.ToString(delay), "TimeSpan"));
        var end = definition.Root.AddActivity("Elsa.End");
        definition.Root.Connect(start.Id, "Done", wait.Id);
        definition.Root.Connect(wait.Id, "Done", end.Id);
        return definition;
    }

    private IJourneyInstanceGrain Instance(string phone) => Runtime.Grains.GetGrain<IJourneyInstanceGrain>(InstanceId(phone));

    private static byte[] Inbound(string from, string to, string text, string id) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["results"] = new JsonArray(new JsonObject
        {
            ["from"] = from,
            ["to"] = to,
            ["integrationType"] = "WHATSAPP",
            // Now: the 24 hour window opens when the customer wrote, as Infobip reports it.
            ["receivedAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fff+0000", System.Globalization.CultureInfo.InvariantCulture),
            ["messageId"] = id,
            ["message"] = new JsonObject { ["type"] = "TEXT", ["text"] = text },
            ["price"] = new JsonObject { ["pricePerMessage"] = 0, ["currency"] = "EUR" },
            ["contact"] = new JsonObject { ["name"] = "Lan" },
        }),
        ["messageCount"] = 1,
        ["pendingMessageCount"] = 0,
    }.ToJsonString());

    [Fact]
    public async Task A_journey_runs_to_the_end_through_a_real_reply_and_enrolling_again_changes_nothing()
    {
        await _bed.StartRuntimeAsync();

        await Instance("84912345671").StartAsync(Welcome("84912345671"));
        await Runtime.WaitForStatusAsync(InstanceId("84912345671"), "Finished");
        var again = await Instance("84912345671").StartAsync(Welcome("84912345671"));

        Assert.Equal("Finished", again.Status);
        Assert.Equal(2, _bed.Sandbox.AcceptedMessages.Count(m => m.To == "84912345671"));
        var stored = await Runtime.Instances.GetAsync(InstanceId("84912345671"));
        Assert.Equal(("Finished", null, "welcome-offer"), (stored!.Status, stored.RunId, stored.DefinitionId));
        Assert.Empty(stored.WaitingOn);
    }

    [Fact]
    public async Task A_timer_due_while_the_process_was_down_fires_after_the_restart_once()
    {
        var journey = Path.Combine(_bed.DataDirectory, "journeys");
        Directory.CreateDirectory(journey);
        var definition = PauseJourney(TimeSpan.FromSeconds(2));
        var delay = definition.Root.Activities[1];

        await _bed.StartRuntimeAsync();
        Runtime.Catalog.Register(definition);
        var id = JourneyStartRequest.InstanceIdFor("pause", null, "c1");
        var started = await Runtime.Grains.GetGrain<IJourneyInstanceGrain>(id).StartAsync(new JourneyStartRequest { DefinitionId = "pause", CustomerKey = "c1" });
        Assert.Equal("Suspended", started.Status);
        await _bed.StopRuntimeAsync();

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await _bed.StartRuntimeAsync();
        Runtime.Catalog.Register(definition);
        var finished = await Runtime.WaitForStatusAsync(id, "Finished");

        var state = System.Text.Json.JsonSerializer.Deserialize<WorkflowState>((await Runtime.Instances.GetAsync(id))!.StateJson)!;
        Assert.Single(state.History, h => h.ActivityId == delay.Id && h.Outcomes.Count > 0);
        Assert.Equal(4, finished!.Steps); // start, delay waiting, delay done, end
    }

    [Fact]
    public async Task Timers_that_cannot_fire_do_not_hold_up_the_timers_due_after_them()
    {
        await _bed.StartRuntimeAsync(runtime: o => o.TimeoutScanBatchSize = 2);
        var definition = PauseJourney(TimeSpan.FromSeconds(1));
        Runtime.Catalog.Register(definition);
        var id = JourneyStartRequest.InstanceIdFor("pause", null, "c1");
        await Runtime.Grains.GetGrain<IJourneyInstanceGrain>(id).StartAsync(new JourneyStartRequest { DefinitionId = "pause", CustomerKey = "c1" });

        // Due before it, a page and more of instances that stay due: two whose journey was removed, one whose state is unreadable.
        var waiting = (await Runtime.Instances.GetAsync(id))!;
        var longAgo = DateTimeOffset.UtcNow.AddHours(-1);
        foreach (var (stuck, state) in new[] { ("gone-1", waiting.StateJson), ("gone-2", waiting.StateJson), ("unreadable", "{ not json") })
        {
            await Runtime.Instances.SaveAsync(waiting with { InstanceId = stuck, DefinitionId = "removed", StateJson = state, NextDueAt = longAgo, WaitingOn = [] }, 0);
        }

        var finished = await Runtime.WaitForStatusAsync(id, "Finished");

        Assert.Equal("Finished", finished!.Status);
        Assert.Equal(["gone-1", "gone-2", "unreadable"], (await Runtime.Instances.FindDueAsync(DateTimeOffset.UtcNow, 10)).Select(d => d.InstanceId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_instance_interrupted_in_the_middle_of_a_burst_goes_on_after_the_restart()
    {
        // As a kill right after the enrolment was saved leaves it: running, its start scheduled.
        await _bed.StartRuntimeAsync();
        var workflow = (await Runtime.Catalog.FindAsync("welcome-offer"))!;
        var state = Runtime.Services.GetRequiredService<WorkflowRunner>().CreateInstance(workflow, new WorkflowStartRequest
        {
            InstanceId = InstanceId("84912345675"),
            CorrelationId = "84912345675",
            Customer = new JsonObject { ["phone"] = "84912345675", ["first_name"] = "Lan", ["promo_code"] = "WELCOME15" },
        });
        await _bed.StopRuntimeAsync();
        using (var storage = new JourneyPlugin.Runtime.Storage.Sqlite.SqliteStorage(Microsoft.Extensions.Options.Options.Create(new JourneyPlugin.Runtime.Storage.Sqlite.SqliteStorageOptions { DataDirectory = _bed.DataDirectory }), TimeProvider.System))
        {
            var now = DateTimeOffset.UtcNow;
            await storage.Instances.SaveAsync(new StoredInstance(state.InstanceId, "welcome-offer", null, "84912345675", "Running", System.Text.Json.JsonSerializer.Serialize(state), now, [], now, now), 0);
        }

        await _bed.StartRuntimeAsync();
        var resumed = await Runtime.WaitForStatusAsync(InstanceId("84912345675"), "Suspended");

        Assert.NotNull(resumed!.NextDueAt);
        Assert.Single(_bed.Sandbox.AcceptedMessages, m => m.To == "84912345675" && m.TemplateName == "welcome_offer");
    }

    [Fact]
    public async Task A_send_step_is_not_saved_on_its_own_and_a_crash_after_it_sends_nothing_twice()
    {
        await _bed.StartRuntimeAsync();
        var id = InstanceId("84912345676");
        await Instance("84912345676").StartAsync(Welcome("84912345676"));
        var waiting = await Runtime.Instances.GetAsync(id);

        // Two writes: the enrolment and the end of the burst (waiting for the reply); the Send step
        // in between has none of its own, its ledger row guards it.
        Assert.Equal(("Suspended", 2L), (waiting!.Status, waiting.Version));

        // As a kill right after the send would leave it: the enrolment is the last save (the same instance, started when it was).
        var workflow = (await Runtime.Catalog.FindAsync("welcome-offer"))!;
        var enrolled = System.Text.Json.JsonSerializer.SerializeToNode(Runtime.Services.GetRequiredService<WorkflowRunner>().CreateInstance(workflow, new WorkflowStartRequest
        {
            InstanceId = id,
            CorrelationId = "84912345676",
            Customer = JsonNode.Parse(Welcome("84912345676").CustomerJson) as JsonObject,
        }))!;
        enrolled["CreatedAt"] = System.Text.Json.JsonSerializer.Deserialize<WorkflowState>(waiting.StateJson)!.CreatedAt;
        var now = DateTimeOffset.UtcNow;
        await Runtime.Instances.SaveAsync(waiting with { Status = "Running", StateJson = enrolled.ToJsonString(), NextDueAt = now, WaitingOn = [] }, waiting.Version);
        await _bed.StopRuntimeAsync();

        await _bed.StartRuntimeAsync();
        var resumed = await Runtime.WaitForStatusAsync(id, "Suspended");

        Assert.NotNull(resumed!.NextDueAt);
        Assert.Single(_bed.Sandbox.AcceptedMessages, m => m.To == "84912345676");
        var state = System.Text.Json.JsonSerializer.Deserialize<WorkflowState>((await Runtime.Instances.GetAsync(id))!.StateJson)!;
        Assert.Contains(state.History, h => h.Outcomes.Contains("Sent"));
    }

    [Fact]
    public async Task A_duplicated_inbound_webhook_is_handled_once()
    {
        await _bed.StartRuntimeAsync();
        var body = Inbound("84912345672", _bed.Sandbox.Senders[0], "Hello", "wamid.dup-1");

        Assert.Equal(1, await Runtime.DeliverInboundAsync(body));
        Assert.Equal(0, await Runtime.DeliverInboundAsync(body));
    }

    [Fact]
    public async Task Stop_opts_the_customer_out_and_a_later_journey_sends_nothing()
    {
        await _bed.StartRuntimeAsync();
        await Runtime.DeliverInboundAsync(Inbound("84912345673", _bed.Sandbox.Senders[0], " stop ", "wamid.stop-1"));

        await Instance("84912345673").StartAsync(Welcome("84912345673"));
        await Runtime.WaitForStatusAsync(InstanceId("84912345673"), "Finished");

        Assert.DoesNotContain(_bed.Sandbox.AcceptedMessages, m => m.To == "84912345673");
        Assert.True((await Runtime.Conversations.GetAsync(_bed.Sandbox.Senders[0], "84912345673")).OptedOut);
    }

    [Fact]
    public async Task A_reply_that_arrives_before_the_wait_is_stored_is_held_and_delivered()
    {
        await _bed.StartRuntimeAsync();
        await Runtime.DeliverInboundAsync(Inbound("84912345674", _bed.Sandbox.Senders[0], "No thanks", "wamid.early-1"));

        await Instance("84912345674").StartAsync(Welcome("84912345674"));
        await Runtime.WaitForStatusAsync(InstanceId("84912345674"), "Finished");

        Assert.Equal("No problem, Lan. Your code WELCOME15 stays valid for 30 days.", _bed.Sandbox.AcceptedMessages.Last(m => m.To == "84912345674").Text);
    }
}
