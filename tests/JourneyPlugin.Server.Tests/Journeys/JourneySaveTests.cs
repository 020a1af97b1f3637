using System.Net;
using System.Text.Json.Nodes;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyPlugin.Server.Tests.Journeys;

/// <summary><c>PUT</c> and <c>DELETE /api/journeys/{id}</c>: the file in the workflows directory and the catalogue.</summary>
public sealed class JourneySaveTests(JourneysServerFactory factory) : IClassFixture<JourneysServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private JourneyDefinitionCatalog Catalog => factory.Services.GetRequiredService<JourneyDefinitionCatalog>();

    [Fact]
    public async Task A_new_journey_is_written_as_id_json_in_the_project_layout_loaded_and_runs()
    {
        // The designer may send any layout; the file gets the project's two-space layout with every key, value and position kept.
        var compact = JourneyJson.SendTemplateNode("api-new", "Made in the designer").ToJsonString();

        using var response = await JourneyApi.PutAsync(_client, "api-new", compact);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await JourneyApi.ReadJsonAsync(response);
        Assert.Equal("api-new", saved.GetProperty("definitionId").GetString());
        Assert.Equal("api-new.json", saved.GetProperty("file").GetString());
        Assert.True(saved.GetProperty("valid").GetBoolean(), saved.ToString());
        Assert.Empty(saved.GetProperty("problems").EnumerateArray());

        var path = Path.Combine(factory.WorkflowsDirectory, "api-new.json");
        var written = await File.ReadAllTextAsync(path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(compact), JsonNode.Parse(written)));
        Assert.StartsWith("{\n  \"$schema\": ", written, StringComparison.Ordinal);
        Assert.Contains("\n            \"position\": {\n              \"x\": -420,\n              \"y\": 80.5\n", written, StringComparison.Ordinal);
        Assert.EndsWith("}\n", written, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(factory.WorkflowsDirectory, "*.tmp"));

        using var get = await _client.GetAsync("/api/journeys/api-new");
        Assert.Equal(await File.ReadAllBytesAsync(path), await get.Content.ReadAsByteArrayAsync());
        Assert.Equal("Made in the designer", Catalog.Find("api-new")!.Workflow!.Definition.Name);

        using var trigger = await JourneyApi.TriggerAsync(_client, "api-new", new { customer = new { phone = "+84 912 300 001", first_name = "Lan", promo_code = "NEW10" }, idempotencyKey = "signup-1" });
        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        await JourneyApi.WaitUntilAsync(() => factory.SandboxMessages.Any(m => m.To == "84912300001"), "the sandbox received the message");
        var message = Assert.Single(factory.SandboxMessages, m => m.To == "84912300001");
        Assert.Equal("welcome_offer", message.TemplateName);
        Assert.Equal(["Lan", "NEW10"], message.TemplatePlaceholders);
    }

    [Fact]
    public async Task Saving_an_existing_journey_rewrites_its_own_file_with_a_clean_diff_and_new_instances_use_it()
    {
        var path = Path.Combine(factory.WorkflowsDirectory, JourneysServerFactory.OddlyNamedFile);
        var before = await File.ReadAllTextAsync(path);
        var journey = JourneyJson.SendTemplateNode(JourneysServerFactory.OddlyNamedId, "Renamed journey");
        journey["name"] = "Renamed again";
        journey["version"] = 2;
        JourneyJson.Activity(journey, 1)["placeholders"] = JourneyJson.Literal("String[]", new JsonArray("{{ customer.first_name | string.upcase }}", "{{ customer.promo_code }}"));

        using var response = await JourneyApi.PutAsync(_client, JourneysServerFactory.OddlyNamedId, journey.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JourneysServerFactory.OddlyNamedFile, (await JourneyApi.ReadJsonAsync(response)).GetProperty("file").GetString());
        Assert.False(File.Exists(Path.Combine(factory.WorkflowsDirectory, JourneysServerFactory.OddlyNamedId + ".json")));
        var after = await File.ReadAllTextAsync(path);
        var changed = Changed(before, after);
        Assert.Equal(3, changed.Count);
        Assert.Contains("\"name\": \"Renamed again\",", changed[0], StringComparison.Ordinal);
        Assert.Contains("\"version\": 2,", changed[1], StringComparison.Ordinal);
        Assert.Contains("string.upcase", changed[2], StringComparison.Ordinal);

        using var list = await _client.GetAsync("/api/journeys");
        var listed = Assert.Single((await JourneyApi.ReadJsonAsync(list)).EnumerateArray(), j => j.GetProperty("definitionId").GetString() == JourneysServerFactory.OddlyNamedId);
        Assert.Equal("Renamed again", listed.GetProperty("name").GetString());
        Assert.Equal(2, listed.GetProperty("version").GetInt32());

        using var trigger = await JourneyApi.TriggerAsync(_client, JourneysServerFactory.OddlyNamedId, new { customer = new { phone = "84912300002", first_name = "Minh", promo_code = "V2" } });
        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        await JourneyApi.WaitUntilAsync(() => factory.SandboxMessages.Any(m => m.To == "84912300002"), "the sandbox received the message");
        Assert.Equal(["MINH", "V2"], Assert.Single(factory.SandboxMessages, m => m.To == "84912300002").TemplatePlaceholders);
    }

    [Fact]
    public async Task A_journey_with_errors_is_saved_and_listed_as_invalid_but_a_trigger_is_refused_with_its_errors()
    {
        var journey = JourneyJson.SendTemplateNode("api-broken", "Broken");
        JourneyJson.Activity(journey, 1)["type"] = "Journeys.SendCarrierPigeon";

        using var response = await JourneyApi.PutAsync(_client, "api-broken", journey.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await JourneyApi.ReadJsonAsync(response);
        Assert.False(saved.GetProperty("valid").GetBoolean());
        var problem = Assert.Single(saved.GetProperty("problems").EnumerateArray(), p => p.GetProperty("severity").GetString() == "error");
        Assert.Equal("$.root.activities[1].type", problem.GetProperty("path").GetString());
        Assert.True(File.Exists(Path.Combine(factory.WorkflowsDirectory, "api-broken.json")));

        using var list = await _client.GetAsync("/api/journeys");
        var listed = Assert.Single((await JourneyApi.ReadJsonAsync(list)).EnumerateArray(), j => j.GetProperty("definitionId").GetString() == "api-broken");
        Assert.False(listed.GetProperty("valid").GetBoolean());
        Assert.Equal(1, listed.GetProperty("errors").GetInt32());

        var sentBefore = factory.SandboxMessages.Count;
        using var trigger = await JourneyApi.TriggerAsync(_client, "api-broken", new { customer = new { phone = "84912300003" }, idempotencyKey = "k1" });
        var refused = await Problems.AssertProblemAsync(trigger, HttpStatusCode.Conflict);
        var error = Assert.Single(refused.GetProperty("problems").EnumerateArray());
        Assert.Equal("$.root.activities[1].type", error.GetProperty("path").GetString());
        Assert.Contains("Journeys.SendCarrierPigeon", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(sentBefore, factory.SandboxMessages.Count);
    }

    [Theory]
    [InlineData("..%2F..%2Fevil", "../../evil")]
    [InlineData("..%2F..%2Fevil", "..%2F..%2Fevil")]
    [InlineData("..%5C..%5Cevil", "..\\..\\evil")]
    [InlineData(".hidden", ".hidden")]
    [InlineData("with%20space", "with space")]
    public async Task An_id_that_is_not_a_safe_file_name_is_refused_and_nothing_is_written(string routeId, string definitionId)
    {
        var before = Snapshot();

        using var response = await JourneyApi.PutAsync(_client, routeId, JourneyJson.SendTemplate(definitionId, "Evil"));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("$.definitionId", problem.GetProperty("path").GetString());
        Assert.Equal(before, Snapshot());
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(factory.DataDirectory)!, "*evil*"));
        Assert.Empty(Directory.GetFiles(factory.DataDirectory, "*evil*", SearchOption.AllDirectories));
        Assert.Null(Catalog.Find(definitionId));
    }

    [Fact]
    public async Task A_body_whose_id_differs_from_the_url_is_refused_and_nothing_is_written()
    {
        var before = Snapshot();

        using var response = await JourneyApi.PutAsync(_client, "welcome-offer", JourneyJson.SendTemplate("something-else", "Mismatch"));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("$.definitionId", problem.GetProperty("path").GetString());
        Assert.Contains("'something-else'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
        Assert.Null(Catalog.Find("something-else"));
    }

    [Fact]
    public async Task Broken_json_is_a_400_with_its_path_and_nothing_is_written()
    {
        var before = Snapshot();

        using var response = await JourneyApi.PutAsync(_client, "welcome-offer", "{\"id\": \"x\", \"definitionId\": \"welcome-offer\", \"root\": {\"id\": \"r\", \"type\": \"Elsa.Flowchart\", \"activities\": [ {\"id\": 7} ]}}");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("$.root.activities[0].id", problem.GetProperty("path").GetString());
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_new_id_whose_file_name_holds_another_journey_is_a_409_and_changes_nothing()
    {
        await File.WriteAllTextAsync(Path.Combine(factory.WorkflowsDirectory, "taken.json"), "{ \"not\": \"a journey the server loaded\" }\n");
        var before = Snapshot();

        using var response = await JourneyApi.PutAsync(_client, "taken", JourneyJson.SendTemplate("taken", "Taken"));

        await Problems.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Delete_removes_the_file_and_the_journey_and_is_404_the_second_time()
    {
        using (var put = await JourneyApi.PutAsync(_client, "api-doomed", JourneyJson.SendTemplate("api-doomed", "Doomed")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var response = await _client.DeleteAsync("/api/journeys/api-doomed");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(factory.WorkflowsDirectory, "api-doomed.json")));
        Assert.Null(Catalog.Find("api-doomed"));
        using var get = await _client.GetAsync("/api/journeys/api-doomed");
        await Problems.AssertProblemAsync(get, HttpStatusCode.NotFound);
        using var trigger = await JourneyApi.TriggerAsync(_client, "api-doomed", new { customer = new { phone = "84912300004" } });
        await Problems.AssertProblemAsync(trigger, HttpStatusCode.NotFound);
        using var again = await _client.DeleteAsync("/api/journeys/api-doomed");
        await Problems.AssertProblemAsync(again, HttpStatusCode.NotFound);
    }

    // Every file of the workflows directory with its content.
    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(factory.WorkflowsDirectory).ToDictionary(f => f, File.ReadAllText, StringComparer.Ordinal);

    private static List<string> Changed(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        Assert.Equal(a.Length, b.Length);
        return b.Where((line, i) => line != a[i]).ToList();
    }
}
