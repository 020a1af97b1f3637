using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Tests.Fixtures;
using JourneyPlugin.Workflows.Validation;
using static JourneyPlugin.Workflows.Tests.Fixtures.Journeys;

namespace JourneyPlugin.Workflows.Tests.Validation;

public sealed class WorkflowValidatorTests : IDisposable
{
    private readonly WorkflowHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<IReadOnlyList<ValidationProblem>> Validate(JsonArray activities, JsonArray connections) =>
        (await _host.Validator.ValidateAsync(WorkflowDefinition.Parse(Flowchart(activities, connections), "journey.json"))).Problems;

    private static JsonObject SetX(string id) => Activity(id, "Elsa.SetVariable", new JsonObject { ["variable"] = new JsonObject { ["name"] = "X" }, ["value"] = 1 });

    [Fact]
    public async Task A_valid_journey_has_no_problems()
    {
        var problems = await Validate(
            [Activity("start", "Elsa.Start"), Activity("wait", "Elsa.Delay", new JsonObject { ["timeSpan"] = Input("TimeSpan", "Literal", "PT1H") }), Activity("end", "Elsa.End")],
            [Connect("start", "Done", "wait"), Connect("wait", "Done", "end")]);

        Assert.Empty(problems);
    }

    [Fact]
    public async Task An_unknown_activity_type_is_named_with_its_path_and_a_suggestion()
    {
        var problems = await Validate([Activity("start", "Elsa.Start"), Activity("x", "Elsa.flowdecision")], [Connect("start", "Done", "x")]);

        var problem = Assert.Single(problems);
        Assert.Equal("journey.json: $.root.activities[1].type: unknown activity type 'Elsa.flowdecision'; did you mean 'Elsa.FlowDecision'?", problem.ToString());
        Assert.Equal("x", problem.ActivityId);
    }

    [Fact]
    public async Task Connections_to_missing_steps_and_ports_are_reported()
    {
        var problems = await Validate(
            [Activity("start", "Elsa.Start"), Activity("decide", "Elsa.FlowDecision", new JsonObject { ["condition"] = true }), SetX("a")],
            [Connect("start", "Done", "decide"), Connect("decide", "Yes", "a"), Connect("decide", "True", "ghost"), Connect("nobody", "Done", "a")]);

        Assert.Contains(problems, p => p.JsonPath == "$.root.connections[1].source" && p.Message == "'decide' (Flow Decision) has no port 'Yes'; its ports are True, False");
        Assert.Contains(problems, p => p.JsonPath == "$.root.connections[2].target" && p.Message == "connects to 'ghost', which is not a step of this journey");
        Assert.Contains(problems, p => p.JsonPath == "$.root.connections[3].source" && p.Message == "connects from 'nobody', which is not a step of this journey");
    }

    [Fact]
    public async Task An_unreachable_step_is_a_warning()
    {
        var problems = await Validate([Activity("start", "Elsa.Start"), SetX("a"), SetX("island")], [Connect("start", "Done", "a")]);

        var problem = Assert.Single(problems);
        Assert.Equal(ValidationSeverity.Warning, problem.Severity);
        Assert.Equal("$.root.activities[2]", problem.JsonPath);
        Assert.Equal("'island' cannot be reached from the start", problem.Message);
    }

    [Fact]
    public async Task A_loop_without_a_wait_is_an_error_and_a_loop_through_a_delay_is_fine()
    {
        var spinning = await Validate([Activity("start", "Elsa.Start"), SetX("a"), SetX("b")], [Connect("start", "Done", "a"), Connect("a", "Done", "b"), Connect("b", "Done", "a")]);
        var waiting = await Validate(
            [Activity("start", "Elsa.Start"), SetX("a"), Activity("pause", "Elsa.Delay", new JsonObject { ["timeSpan"] = "P1D" })],
            [Connect("start", "Done", "a"), Connect("a", "Done", "pause"), Connect("pause", "Done", "a")]);

        Assert.Equal("the loop through 'a' → 'b' has no wait or delay and would run forever", Assert.Single(spinning).Message);
        Assert.Empty(waiting);
    }

    [Fact]
    public async Task A_scriban_syntax_error_is_reported_with_line_and_column()
    {
        var problems = await Validate(
            [Activity("start", "Elsa.Start"), Activity("a", "Elsa.SetVariable", new JsonObject { ["variable"] = new JsonObject { ["name"] = "X" }, ["value"] = Input("Object", "Scriban", "Hello\n{{ for x in }}{{ end }}") })],
            [Connect("start", "Done", "a")]);

        var problem = Assert.Single(problems);
        Assert.Equal("$.root.activities[1].value.expression.value", problem.JsonPath);
        Assert.StartsWith("Scriban syntax error at line 2, column ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_expression_types_and_bad_literals_are_reported()
    {
        var problems = await Validate(
            [
                Activity("start", "Elsa.Start"),
                Activity("js", "Elsa.FlowDecision", new JsonObject { ["condition"] = Input("Boolean", "JavaScript", "true") }),
                Activity("wait", "Elsa.Delay", new JsonObject { ["timeSpan"] = Input("TimeSpan", "Literal", "two days") }),
            ],
            [Connect("start", "Done", "js"), Connect("js", "True", "wait")]);

        Assert.Contains(problems, p => p.JsonPath == "$.root.activities[1].condition.expression.type" && p.Message.StartsWith("the expression type 'JavaScript' is not supported", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.JsonPath == "$.root.activities[2].timeSpan.expression.value" && p.Message.Contains("expected a duration such as PT24H", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_journey_without_steps_or_start_is_reported()
    {
        var empty = await Validate([], []);
        var circular = await Validate([SetX("a"), Activity("pause", "Elsa.Delay", new JsonObject { ["timeSpan"] = "P1D" })], [Connect("a", "Done", "pause"), Connect("pause", "Done", "a")]);

        Assert.Equal("the journey has no steps", Assert.Single(empty).Message);
        Assert.Contains(circular, p => p.Message == "the journey has no start: add a Start step");
    }
}
