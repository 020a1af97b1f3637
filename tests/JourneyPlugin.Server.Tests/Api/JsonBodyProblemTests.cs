using System.Net;
using System.Net.Http.Json;
using System.Text;
using JourneyPlugin.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyPlugin.Server.Tests.Api;

/// <summary>
/// Every /api route that takes a JSON body, read by hand or bound by the framework, answers a broken body,
/// an empty one and a wrong content type with a problem naming the reason: 400 or 415, never a 500.
/// </summary>
public sealed class JsonBodyProblemTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    /// <summary>A connection created through the API, so its PUT reaches the body.</summary>
    private const string StoredConnection = "body-tests";

    /// <summary>The routes: method, route pattern, a path to it, and the status of an empty body (quick-test's body is optional).</summary>
    private static readonly (string Method, string Pattern, string Path, HttpStatusCode Empty)[] Routes =
    [
        ("POST", "/api/connections/", "/api/connections", HttpStatusCode.BadRequest),
        ("PUT", "/api/connections/{name}", $"/api/connections/{StoredConnection}", HttpStatusCode.BadRequest),
        ("POST", "/api/connections/{name}/quick-test", "/api/connections/sandbox/quick-test", HttpStatusCode.OK),
        ("POST", "/api/journeys/validate", "/api/journeys/validate", HttpStatusCode.BadRequest),
        ("PUT", "/api/journeys/{id}", "/api/journeys/body-tests", HttpStatusCode.BadRequest),
        ("POST", "/api/journeys/{id}/trigger", "/api/journeys/welcome-offer/trigger", HttpStatusCode.BadRequest),
        ("POST", "/api/templates/preview", "/api/templates/preview", HttpStatusCode.BadRequest),
        ("POST", "/api/sandbox/replies", "/api/sandbox/replies", HttpStatusCode.BadRequest),
    ];

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var route in Routes)
        {
            foreach (var body in new[] { "broken", "empty", "text/plain" })
            {
                cases.Add(route.Method, route.Path, body);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_body_is_a_problem_naming_the_reason_never_a_500(string method, string path, string body)
    {
        await EnsureStoredConnectionAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body switch
            {
                "broken" => new StringContent("{\"from\": \"84912345678\", \"text\": ", Encoding.UTF8, "application/json"),
                "empty" => new StringContent(string.Empty, Encoding.UTF8, "application/json"),
                _ => new StringContent("{\"from\": \"84912345678\", \"text\": \"YES\"}", Encoding.UTF8, "text/plain"),
            },
        };

        using var response = await _client.SendAsync(request);

        var expected = body switch
        {
            "broken" => HttpStatusCode.BadRequest,
            "empty" => Routes.Single(r => r.Path == path).Empty,
            _ => HttpStatusCode.UnsupportedMediaType,
        };
        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(expected, response.StatusCode);
            return;
        }

        var problem = await Problems.AssertProblemAsync(response, expected);
        var detail = problem.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail), problem.ToString());
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal); // no stack trace
        if (body == "text/plain")
        {
            Assert.Contains("text/plain", detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_api_route_that_declares_a_json_body_is_covered()
    {
        var declared = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true
                && e.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Any(a => a.ContentTypes.Any(t => t.Contains("json", StringComparison.Ordinal))))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => (m, e.RoutePattern.RawText!)))
            .ToList();

        Assert.NotEmpty(declared);
        Assert.All(declared, d => Assert.Contains(d, Routes.Select(r => (r.Method, r.Pattern))));
    }

    private async Task EnsureStoredConnectionAsync()
    {
        using var response = await _client.PostAsJsonAsync("/api/connections", new
        {
            name = StoredConnection,
            vendor = "infobip",
            apiKey = "body-tests-api-key-0123456789",
            baseUrl = "https://body-tests.api.infobip.com",
            sender = "447860033333",
        });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
    }
}
