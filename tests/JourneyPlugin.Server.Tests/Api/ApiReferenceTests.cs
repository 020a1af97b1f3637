using System.Net;
using System.Text.Json;
using JourneyPlugin.Server.Tests.Infrastructure;

namespace JourneyPlugin.Server.Tests.Api;

public sealed class ApiReferenceTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_openapi_document_describes_the_api_and_the_webhooks()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("JourneyPlugin", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/journeys", paths);
        Assert.Contains("/api/activity-descriptors", paths);
        Assert.Contains("/webhooks/infobip/{connection}/delivery-reports", paths);
        var webhook = document.GetProperty("paths").GetProperty("/webhooks/infobip/{connection}/inbound").GetProperty("post");
        Assert.True(webhook.GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task The_api_reference_is_a_page_that_loads_the_openapi_document()
    {
        using var response = await _client.GetAsync("/reference");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("JourneyPlugin API", html, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        using var script = await _client.GetAsync("/reference/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
