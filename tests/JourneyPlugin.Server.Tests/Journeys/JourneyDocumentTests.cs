using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Server.Tests.Infrastructure;

namespace JourneyPlugin.Server.Tests.Journeys;

/// <summary><c>GET /api/journeys/{id}</c> and <c>POST /api/journeys/validate</c>.</summary>
public sealed class JourneyDocumentTests(JourneysServerFactory factory) : IClassFixture<JourneysServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Get_returns_each_journey_file_byte_for_byte()
    {
        var files = Directory.GetFiles(factory.WorkflowsDirectory, "*.json");
        Assert.True(files.Length >= 4);
        foreach (var file in files)
        {
            var id = JsonNode.Parse(await File.ReadAllTextAsync(file))!["definitionId"]!.GetValue<string>();

            using var response = await _client.GetAsync($"/api/journeys/{id}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(file), await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Get_of_an_unknown_journey_is_a_404_problem()
    {
        using var response = await _client.GetAsync("/api/journeys/no-such-journey");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no-such-journey", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_says_whether_each_journey_is_valid_and_counts_its_problems()
    {
        using var response = await _client.GetAsync("/api/journeys");

        var journeys = (await JourneyApi.ReadJsonAsync(response)).EnumerateArray().ToList();
        var welcome = Assert.Single(journeys, j => j.GetProperty("definitionId").GetString() == "welcome-offer");
        Assert.True(welcome.GetProperty("valid").GetBoolean());
        Assert.Equal(0, welcome.GetProperty("errors").GetInt32());
        Assert.Equal("welcome-offer.json", welcome.GetProperty("file").GetString());
        var renamed = Assert.Single(journeys, j => j.GetProperty("definitionId").GetString() == JourneysServerFactory.OddlyNamedId);
        Assert.Equal(JourneysServerFactory.OddlyNamedFile, renamed.GetProperty("file").GetString());
    }

    [Fact]
    public async Task A_journey_file_with_errors_does_not_stop_the_server_it_is_listed_invalid_and_cannot_be_triggered()
    {
        using var response = await _client.GetAsync("/api/journeys");

        var journeys = (await JourneyApi.ReadJsonAsync(response)).EnumerateArray().ToList();
        var broken = Assert.Single(journeys, j => j.GetProperty("definitionId").GetString() == JourneysServerFactory.BrokenAtStartId);
        Assert.False(broken.GetProperty("valid").GetBoolean());
        Assert.Equal(1, broken.GetProperty("errors").GetInt32());
        using var trigger = await JourneyApi.TriggerAsync(_client, JourneysServerFactory.BrokenAtStartId, new { customer = new { phone = "84912500001" } });
        var problem = await Problems.AssertProblemAsync(trigger, HttpStatusCode.Conflict);
        Assert.Contains("unknown activity type 'Journeys.SendFax'", Assert.Single(problem.GetProperty("problems").EnumerateArray()).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_journey_validates_without_errors()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(factory.WorkflowsDirectory, "welcome-offer.json"));

        using var response = await JourneyApi.ValidateAsync(_client, text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await JourneyApi.ReadJsonAsync(response);
        Assert.True(result.GetProperty("valid").GetBoolean(), result.ToString());
        Assert.DoesNotContain(result.GetProperty("problems").EnumerateArray(), p => p.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public async Task A_broken_journey_gets_each_kind_of_problem_with_its_path_and_step()
    {
        var journey = JourneyJson.SendTemplateNode("broken", "Broken");
        var send = JourneyJson.Activity(journey, 1);
        send["templateName"] = JourneyJson.Literal("String", "no_such_template");                   // not in the connection's catalogue
        var activities = (JsonArray)journey["root"]!["activities"]!;
        activities.Add(new JsonObject                                                                 // unknown type
        {
            ["id"] = "a4000000000000a4", ["type"] = "Journeys.SendSms", ["version"] = 1, ["name"] = "Sms",
        });
        activities.Add(new JsonObject                                                                 // unreachable, bad template, required input missing
        {
            ["id"] = "a5000000000000a5", ["type"] = "Journeys.SendInfobipWhatsApp", ["version"] = 1, ["name"] = "Orphan",
            ["messageKind"] = JourneyJson.Literal("String", "Text"),
            ["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Scriban", ["value"] = "Hi {{ customer.first_name + }}" } },
        });
        var connections = (JsonArray)journey["root"]!["connections"]!;
        connections.Add(new JsonObject                                                                // dangling target
        {
            ["source"] = new JsonObject { ["activity"] = "a3000000000000a3", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "nowhere", ["port"] = "In" },
        });
        connections.Add(new JsonObject                                                                // missing port
        {
            ["source"] = new JsonObject { ["activity"] = "a2000000000000a2", ["port"] = "Maybe" },
            ["target"] = new JsonObject { ["activity"] = "a3000000000000a3", ["port"] = "In" },
        });

        using var response = await JourneyApi.ValidateAsync(_client, journey.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await JourneyApi.ReadJsonAsync(response);
        Assert.False(result.GetProperty("valid").GetBoolean());
        var problems = result.GetProperty("problems").EnumerateArray().ToList();
        AssertProblem(problems, "error", "$.root.activities[1].templateName", "a2000000000000a2", "does not exist in connection 'sandbox'");
        AssertProblem(problems, "error", "$.root.activities[3].type", "a4000000000000a4", "unknown activity type 'Journeys.SendSms'");
        AssertProblem(problems, "error", "$.root.activities[4].connection", "a5000000000000a5", "is required");
        AssertProblem(problems, "error", "$.root.activities[4].text.expression.value", "a5000000000000a5", "Scriban syntax error at line 1, column");
        AssertProblem(problems, "warning", "$.root.activities[4]", "a5000000000000a5", "cannot be reached from the start");
        AssertProblem(problems, "error", "$.root.connections[2].target", null, "connects to 'nowhere', which is not a step of this journey");
        AssertProblem(problems, "error", "$.root.connections[3].source", "a2000000000000a2", "has no port 'Maybe'");
    }

    [Fact]
    public async Task A_loop_without_a_wait_is_an_error_on_its_first_step()
    {
        var journey = JourneyJson.SendTemplateNode("loop", "Loop");
        ((JsonArray)journey["root"]!["connections"]!).Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "a2000000000000a2", ["port"] = "Failed" },
            ["target"] = new JsonObject { ["activity"] = "a2000000000000a2", ["port"] = "In" },
        });

        using var response = await JourneyApi.ValidateAsync(_client, journey.ToJsonString());

        var problems = (await JourneyApi.ReadJsonAsync(response)).GetProperty("problems").EnumerateArray().ToList();
        AssertProblem(problems, "error", "$.root.activities[1]", "a2000000000000a2", "has no wait or delay and would run forever");
    }

    [Theory]
    [InlineData("{\"id\": \"x\", \"definitionId\": ", "$.definitionId", "not valid JSON")]
    [InlineData("[1, 2]", "$", "expected a JSON object")]
    [InlineData("{\"id\": \"x\", \"definitionId\": \"x\"}", "$.root", "required field is missing")]
    [InlineData("{\"id\": \"x\", \"definitionId\": \"x\", \"root\": {\"id\": \"r\", \"type\": \"Elsa.Flowchart\", \"activities\": 5}}", "$.root.activities", "expected")]
    [InlineData("{\"id\": \"x\", \"definitionId\": \"x\", \"id\": \"y\", \"root\": {}}", "$.id", "duplicate property 'id'")]
    public async Task A_body_that_is_not_a_workflow_is_a_400_naming_the_json_path(string body, string path, string reason)
    {
        using var response = await JourneyApi.ValidateAsync(_client, body);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(path, problem.GetProperty("path").GetString());
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_content_type_is_a_415_problem()
    {
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "text/plain");

        using var response = await _client.PostAsync("/api/journeys/validate", content);

        await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    private static void AssertProblem(List<JsonElement> problems, string severity, string path, string? activityId, string message)
    {
        var found = problems.Where(p => p.GetProperty("path").GetString() == path && p.GetProperty("message").GetString()!.Contains(message, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"expected one problem at {path} with '{message}'; got: {string.Join(Environment.NewLine, problems)}");
        Assert.Equal(severity, found[0].GetProperty("severity").GetString());
        Assert.Equal(activityId, found[0].TryGetProperty("activityId", out var id) ? id.GetString() : null);
    }
}
