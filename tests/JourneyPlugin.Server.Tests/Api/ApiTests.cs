using System.Net;
using System.Text.Json;
using JourneyPlugin.Server.Tests.Infrastructure;

namespace JourneyPlugin.Server.Tests.Api;

public sealed class ApiTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private static readonly string[] SendPorts = ["Sent", "Failed"];
    private static readonly string[] ElsaKinds = ["Action", "Trigger", "Job", "Task"];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Health_is_200_with_the_store_and_the_silo_healthy()
    {
        using var response = await _client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("inbox").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Journeys_lists_the_files_of_the_workflows_directory()
    {
        using var response = await _client.GetAsync("/api/journeys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var journeys = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        Assert.Equal(files, journeys.Select(j => j.GetProperty("file").GetString()).Order(StringComparer.Ordinal).ToList());
        foreach (var journey in journeys)
        {
            var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", journey.GetProperty("file").GetString()!))).RootElement;
            Assert.Equal(file.GetProperty("definitionId").GetString(), journey.GetProperty("definitionId").GetString());
            Assert.Equal(file.GetProperty("name").GetString(), journey.GetProperty("name").GetString());
            Assert.Equal(file.GetProperty("version").GetInt32(), journey.GetProperty("version").GetInt32());
        }
    }

    [Fact]
    public async Task Activity_descriptors_have_elsas_shape_and_include_send_infobip_whatsapp()
    {
        using var response = await _client.GetAsync("/api/activity-descriptors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var descriptors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        var send = Assert.Single(descriptors, d => d.GetProperty("typeName").GetString() == "Journeys.SendInfobipWhatsApp");
        Assert.Equal(SendPorts, send.GetProperty("ports").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList());
        Assert.Contains(send.GetProperty("kind").GetString(), ElsaKinds);
        Assert.NotEmpty(send.GetProperty("inputs").EnumerateArray());
        Assert.Contains(descriptors, d => d.GetProperty("typeName").GetString() == "Elsa.Flowchart" || d.GetProperty("typeName").GetString()!.StartsWith("Elsa.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_token_configured_the_api_is_open_on_loopback()
    {
        using var response = await _client.GetAsync("/api/journeys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_not_a_500()
    {
        using var response = await _client.GetAsync("/api/nothing-here");

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
