using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;
using JourneyPlugin.Workflows.Tests.Fixtures;
using static JourneyPlugin.Workflows.Tests.Fixtures.Journeys;

namespace JourneyPlugin.Workflows.Tests.Runtime;

public sealed class WorkflowRunnerTests : IDisposable
{
    private readonly WorkflowHost _host = new();

    public void Dispose() => _host.Dispose();

    private static string DecisionJourney() => Flowchart(
        [
            Activity("start", "Elsa.Start"),
            Activity("greet", "Elsa.SetVariable", new JsonObject
            {
                ["variable"] = new JsonObject { ["id"] = "v1", ["name"] = "Greeting" },
                ["value"] = Input("Object", "Scriban", "Hello {{ customer.first_name }} ({{ CorrelationId }})"),
            }),
            Activity("isGold", "Elsa.FlowDecision", new JsonObject { ["condition"] = Input("Boolean", "Scriban", "customer.tier == \"gold\" && customer.age >= 18") }),
            Activity("gold", "Elsa.SetVariable", new JsonObject { ["variable"] = new JsonObject { ["name"] = "Segment" }, ["value"] = "gold" }),
            Activity("other", "Elsa.SetVariable", new JsonObject { ["variable"] = new JsonObject { ["name"] = "Segment" }, ["value"] = Input("Object", "Literal", "other") }),
            Activity("end", "Elsa.End"),
        ],
        [Connect("start", "Done", "greet"), Connect("greet", "Done", "isGold"), Connect("isGold", "True", "gold"), Connect("isGold", "False", "other"), Connect("gold", "Done", "end"), Connect("other", "Done", "end")],
        [Variable("v1", "Greeting"), Variable("v2", "Segment")]);

    [Theory]
    [InlineData("gold", 30, "gold")]
    [InlineData("gold", 16, "other")]
    [InlineData("silver", 40, "other")]
    public async Task A_decision_follows_the_port_of_its_condition(string tier, int age, string segment)
    {
        var workflow = _host.Load(DecisionJourney());

        var state = await _host.StartAsync(workflow, new JsonObject { ["first_name"] = "Lan", ["tier"] = tier, ["age"] = age });

        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal("Hello Lan (customer-7)", state.Variables["Greeting"]!.GetValue<string>());
        Assert.Equal(segment, state.Variables["Segment"]!.GetValue<string>());
        Assert.Equal(["start", "greet", "isGold", segment, "end"], state.History.Select(h => h.ActivityId));
        Assert.Equal(segment == "gold" ? "True" : "False", Assert.Single(state.History[2].Outcomes));
    }

    [Fact]
    public async Task A_delay_suspends_durably_and_resumes_when_due()
    {
        var workflow = _host.Load(Flowchart(
            [Activity("start", "Elsa.Start"), Activity("wait", "Elsa.Delay", new JsonObject { ["timeSpan"] = Input("TimeSpan", "Literal", "PT2H") }), Activity("after", "Elsa.SetVariable", new JsonObject { ["variable"] = new JsonObject { ["name"] = "Done" }, ["value"] = true })],
            [Connect("start", "Done", "wait"), Connect("wait", "Done", "after")]));

        var state = await _host.StartAsync(workflow);

        Assert.Equal(WorkflowStatus.Suspended, state.Status);
        var bookmark = Assert.Single(state.Bookmarks);
        Assert.Equal(_host.Clock.GetUtcNow().AddHours(2), bookmark.ResumeAt);
        Assert.Equal(bookmark.ResumeAt, state.NextDueAt);

        _host.Clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(0, await _host.Runner.ResumeDueAsync(workflow, state));
        Assert.Equal(WorkflowStatus.Suspended, state.Status);

        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _host.Runner.ResumeDueAsync(workflow, state));
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.True(state.Variables["Done"]!.GetValue<bool>());
        Assert.Empty(state.Bookmarks);
    }

    private JourneyPlugin.Workflows.Runtime.Workflow SignalJourney(string timeout = "P1D") => _host.Load(Flowchart(
        [
            Activity("start", "Elsa.Start"),
            Activity("wait", "Tests.WaitForSignal", new JsonObject { ["signal"] = Input("String", "Literal", "go"), ["timeout"] = Input("TimeSpan", "Literal", timeout), ["payload"] = Output("v1") }),
            Activity("signalled", "Elsa.SetVariable", new JsonObject { ["variable"] = new JsonObject { ["name"] = "Path" }, ["value"] = "signalled" }),
            Activity("timedOut", "Elsa.SetVariable", new JsonObject { ["variable"] = new JsonObject { ["name"] = "Path" }, ["value"] = "timeout" }),
        ],
        [Connect("start", "Done", "wait"), Connect("wait", "Signalled", "signalled"), Connect("wait", "Timeout", "timedOut")],
        [Variable("v1", "Payload")]));

    [Fact]
    public async Task A_stimulus_resumes_the_wait_and_its_timeout_bookmark_disappears()
    {
        var workflow = SignalJourney();
        var state = await _host.StartAsync(workflow);
        Assert.Equal(2, state.Bookmarks.Count);

        var resumed = await _host.Runner.ResumeByStimulusAsync(workflow, state, "Tests.WaitForSignal", new SignalStimulus("go"),
            new Dictionary<string, JsonNode?> { ["payload"] = "hello" });

        Assert.Equal(1, resumed);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal("signalled", state.Variables["Path"]!.GetValue<string>());
        Assert.Equal("hello", state.Variables["Payload"]!.GetValue<string>());
        Assert.Empty(state.Bookmarks);
        _host.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await _host.Runner.ResumeDueAsync(workflow, state));
    }

    [Fact]
    public async Task A_different_stimulus_does_not_resume_the_wait()
    {
        var workflow = SignalJourney();
        var state = await _host.StartAsync(workflow);

        Assert.Equal(0, await _host.Runner.ResumeByStimulusAsync(workflow, state, "Tests.WaitForSignal", new SignalStimulus("stop")));
        Assert.Equal(WorkflowStatus.Suspended, state.Status);
    }

    [Fact]
    public async Task The_timeout_fires_and_the_wait_bookmark_disappears()
    {
        var workflow = SignalJourney("PT30M");
        var state = await _host.StartAsync(workflow);

        _host.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, await _host.Runner.ResumeDueAsync(workflow, state));

        Assert.Equal("timeout", state.Variables["Path"]!.GetValue<string>());
        Assert.Empty(state.Bookmarks);
        Assert.Equal(0, await _host.Runner.ResumeByStimulusAsync(workflow, state, "Tests.WaitForSignal", new SignalStimulus("go")));
    }

    [Fact]
    public async Task State_survives_serialisation_and_resumes_as_if_never_stored()
    {
        var workflow = SignalJourney();
        var state = await _host.StartAsync(workflow);

        var restored = WorkflowState.FromJson(state.ToJson());
        await _host.Runner.ResumeByStimulusAsync(workflow, restored, "Tests.WaitForSignal", new SignalStimulus("go"), new Dictionary<string, JsonNode?> { ["payload"] = "after restart" });

        Assert.Equal(WorkflowStatus.Finished, restored.Status);
        Assert.Equal("after restart", restored.Variables["Payload"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_stored_state_is_the_serializers_default_json_both_ways()
    {
        // Waiting on a signal and a timer, with variables, outputs and history: every part of the state.
        var state = await _host.StartAsync(SignalJourney("PT30M"), new JsonObject { ["first_name"] = "Lan", ["tags"] = new JsonArray("a", "b") });
        state.Fault = new WorkflowFault("wait", "a fault", _host.Clock.GetUtcNow());
        state.Outputs["wait"] = new() { ["status"] = "waiting", ["count"] = 2 };
        var reflected = JsonSerializer.Serialize(state);
        Assert.Contains("\"ResumeAt\":", reflected, StringComparison.Ordinal);

        // What earlier releases stored (the serializer without a context) reads back to the same JSON.
        Assert.Equal(reflected, state.ToJson());
        Assert.Equal(reflected, WorkflowState.FromJson(reflected).ToJson());
        Assert.Throws<JsonException>(() => WorkflowState.FromJson("null"));
    }

    [Fact]
    public async Task The_same_inputs_and_clock_give_the_same_state()
    {
        using var other = new WorkflowHost();
        var customer = new JsonObject { ["first_name"] = "Lan", ["tier"] = "gold", ["age"] = 30 };

        var first = await _host.StartAsync(_host.Load(DecisionJourney()), customer);
        var second = await other.StartAsync(other.Load(DecisionJourney()), customer);

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
    }

    [Fact]
    public void A_new_instance_follows_the_current_id_rules()
    {
        var state = _host.Runner.CreateInstance(_host.Load(DecisionJourney()), new WorkflowStartRequest { InstanceId = "i" });

        Assert.Equal(WorkflowState.CurrentIdVersion, state.IdVersion);
        Assert.Equal(WorkflowState.CurrentIdVersion, JsonSerializer.Deserialize<WorkflowState>(JsonSerializer.Serialize(state))!.IdVersion);
    }

    [Fact]
    public async Task The_listener_sees_the_state_after_every_completed_step()
    {
        var workflow = _host.Load(DecisionJourney());
        var state = _host.Runner.CreateInstance(workflow, new WorkflowStartRequest { InstanceId = "i", Customer = new JsonObject { ["tier"] = "gold", ["age"] = 40 } });
        var listener = new RecordingListener();

        await _host.Runner.RunAsync(workflow, state, listener);

        Assert.Equal(["start", "greet", "isGold", "gold", "end"], listener.Steps);
        Assert.Equal([1, 2, 3, 4, 5], listener.HistoryLengths);
        Assert.Equal("gold", listener.ScheduledAfterDecision);
    }

    private sealed class RecordingListener : IWorkflowStepListener
    {
        public List<string> Steps { get; } = [];

        public List<int> HistoryLengths { get; } = [];

        public string? ScheduledAfterDecision { get; private set; }

        public ValueTask OnStepCompletedAsync(WorkflowState state, ActivityRecord record, CancellationToken cancellationToken)
        {
            Steps.Add(record.ActivityId);
            HistoryLengths.Add(state.History.Count);
            if (record.ActivityId == "isGold")
            {
                ScheduledAfterDecision = Assert.Single(state.Scheduled).ActivityId;
            }

            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task A_loop_without_a_wait_faults_instead_of_spinning()
    {
        var workflow = _host.Load(Flowchart(
            [Activity("start", "Elsa.Start"), Activity("a", "Elsa.SetVariable", new JsonObject { ["variable"] = new JsonObject { ["name"] = "X" }, ["value"] = 1 }), Activity("b", "Elsa.SetVariable", new JsonObject { ["variable"] = new JsonObject { ["name"] = "X" }, ["value"] = 2 })],
            [Connect("start", "Done", "a"), Connect("a", "Done", "b"), Connect("b", "Done", "a")]));

        var state = await _host.StartAsync(workflow);

        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        Assert.Contains("more than 1000 steps without waiting", state.Fault!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_whose_template_breaks_a_limit_faults_its_instance_with_a_clear_error_and_the_host_goes_on()
    {
        var workflow = _host.Load(Flowchart(
            [Activity("start", "Elsa.Start"), Activity("bad", "Elsa.SetVariable", new JsonObject { ["variable"] = new JsonObject { ["name"] = "X" }, ["value"] = Input("Object", "Scriban", "{{ while true }}x{{ end }}") })],
            [Connect("start", "Done", "bad")]));

        var state = await _host.StartAsync(workflow);
        var healthy = await _host.StartAsync(_host.Load(DecisionJourney()), new JsonObject { ["first_name"] = "Lan" }, "instance-2");

        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        Assert.Equal("bad", state.Fault!.ActivityId);
        Assert.Contains("step 'bad' (Elsa.SetVariable) failed", state.Fault.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowStatus.Finished, healthy.Status);
    }

    [Fact]
    public async Task A_literal_of_the_wrong_type_faults_naming_the_input()
    {
        var workflow = _host.Load(Flowchart(
            [Activity("start", "Elsa.Start"), Activity("wait", "Elsa.Delay", new JsonObject { ["timeSpan"] = Input("TimeSpan", "Literal", "soon") })],
            [Connect("start", "Done", "wait")]));

        var state = await _host.StartAsync(workflow);

        Assert.Equal(WorkflowStatus.Faulted, state.Status);
        Assert.Contains("input 'timeSpan': expected a duration", state.Fault!.Message, StringComparison.Ordinal);
    }
}
