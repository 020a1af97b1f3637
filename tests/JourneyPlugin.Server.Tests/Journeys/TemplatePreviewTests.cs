using System.Net;
using JourneyPlugin.Server.Tests.Infrastructure;

namespace JourneyPlugin.Server.Tests.Journeys;

/// <summary><c>POST /api/templates/preview</c>: the journeys' sandboxed renderer on a sample profile.</summary>
public sealed class TemplatePreviewTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private static readonly int[] Orders = [1, 2, 3];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_scriban_template_sees_the_customer_and_the_variables()
    {
        using var response = await PreviewAsync(new
        {
            template = "Hi {{ customer.first_name | string.upcase }}, your code {{ Variables.Code }} ({{ customer.orders | array.size }} orders)",
            syntax = "scriban",
            customer = new { first_name = "Lan", orders = Orders },
            variables = new { Code = "WELCOME15" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hi LAN, your code WELCOME15 (3 orders)", (await JourneyApi.ReadJsonAsync(response)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_liquid_template_renders_with_liquid_filters_and_tags()
    {
        using var response = await PreviewAsync(new
        {
            template = "{% if customer.tier == \"gold\" %}Dear {{ customer.first_name | upcase }}{% else %}Hi{% endif %}",
            syntax = "liquid",
            customer = new { first_name = "Minh", tier = "gold" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Dear MINH", (await JourneyApi.ReadJsonAsync(response)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_syntax_error_is_a_400_with_line_and_column()
    {
        using var response = await PreviewAsync(new { template = "Hello\n  {{ if customer.vip }} abc", syntax = "scriban", customer = new { } });

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(2, problem.GetProperty("line").GetInt32());
        Assert.True(problem.GetProperty("column").GetInt32() >= 1);
        Assert.StartsWith("line 2, column ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task A_template_that_breaks_a_sandbox_limit_is_a_400_naming_the_limit()
    {
        using var response = await PreviewAsync(new { template = "{{ for i in 1..100000000 }}x{{ end }}", syntax = "scriban", customer = new { } });

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("LoopLimit", problem.GetProperty("kind").GetString());
        Assert.Equal(1, problem.GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("{\"syntax\": \"scriban\"}", "template")]
    [InlineData("{\"template\": \"x\", \"syntax\": \"handlebars\"}", "syntax")]
    [InlineData("{\"template\": \"x\", \"syntax\": \"1\"}", "syntax")]
    [InlineData("{\"template\": \"x\", \"customer\": [1]}", "customer")]
    [InlineData("{\"template\": \"x\", \"variables\": \"v\"}", "variables")]
    public async Task A_bad_request_names_the_field(string body, string field)
    {
        using var response = await _client.PostAsync("/api/templates/preview", JourneyApi.Json(body));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private Task<HttpResponseMessage> PreviewAsync(object body) =>
        _client.PostAsync("/api/templates/preview", JourneyApi.Json(System.Text.Json.JsonSerializer.Serialize(body)));
}
