using System.Net;
using System.Text.Json;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyPlugin.Server.Tests.Journeys;

/// <summary><c>POST /api/journeys/{id}/trigger</c>: one customer, idempotent by the caller's key.</summary>
public sealed class TriggerTests(JourneysServerFactory factory) : IClassFixture<JourneysServerFactory>
{
    private const string Journey = "welcome-offer";

    private readonly HttpClient _client = factory.CreateClient();

    private IJourneyInstanceStore Instances => factory.Services.GetRequiredService<IJourneyInstanceStore>();

    private static object Customer(string phone) => new { phone, first_name = "Lan", promo_code = "WELCOME15", tier = "gold" };

    [Fact]
    public async Task The_same_key_twice_starts_one_instance_and_sends_one_message()
    {
        using var first = await JourneyApi.TriggerAsync(_client, Journey, new { customer = Customer("+84 912 400 001"), idempotencyKey = "order-1001" });
        using var second = await JourneyApi.TriggerAsync(_client, Journey, new { customer = Customer("84912400001"), idempotencyKey = "order-1001" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var created = await JourneyApi.ReadJsonAsync(first);
        Assert.True(created.GetProperty("created").GetBoolean());
        var instanceId = created.GetProperty("instanceId").GetString()!;
        Assert.Equal($"/api/instances/{Uri.EscapeDataString(instanceId)}", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var again = await JourneyApi.ReadJsonAsync(second);
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.Equal(instanceId, again.GetProperty("instanceId").GetString());

        var stored = await Instances.GetAsync(instanceId);
        Assert.NotNull(stored);
        Assert.Equal(Journey, stored.DefinitionId);
        Assert.Null(stored.RunId);
        Assert.Equal("84912400001", stored.CustomerKey);
        Assert.Equal("Suspended", stored.Status);
        Assert.Equal("Suspended", again.GetProperty("status").GetString());

        await JourneyApi.WaitUntilAsync(() => factory.SandboxMessages.Any(m => m.To == "84912400001"), "the sandbox received the message");
        await Task.Delay(200);
        var message = Assert.Single(factory.SandboxMessages, m => m.To == "84912400001");
        Assert.Equal("welcome_offer", message.TemplateName);
        Assert.Equal(["Lan", "WELCOME15"], message.TemplatePlaceholders);
    }

    [Fact]
    public async Task The_key_may_come_as_the_idempotency_key_header()
    {
        using var first = await JourneyApi.TriggerAsync(_client, Journey, new { customer = Customer("84912400002") }, idempotencyKeyHeader: "evt-42");
        using var second = await JourneyApi.TriggerAsync(_client, Journey, new { customer = Customer("84912400002"), idempotencyKey = "evt-42" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await JourneyApi.ReadJsonAsync(first)).GetProperty("instanceId").GetString(), (await JourneyApi.ReadJsonAsync(second)).GetProperty("instanceId").GetString());
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_exactly_one_instance()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            JourneyApi.TriggerAsync(_client, Journey, new { customer = Customer("84912400003"), idempotencyKey = "burst" })));

        var answers = new List<JsonElement>();
        foreach (var response in responses)
        {
            answers.Add(await JourneyApi.ReadJsonAsync(response));
            response.Dispose();
        }

        Assert.Equal(1, answers.Count(a => a.GetProperty("created").GetBoolean()));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Single(answers.Select(a => a.GetProperty("instanceId").GetString()).Distinct());
        await JourneyApi.WaitUntilAsync(() => factory.SandboxMessages.Any(m => m.To == "84912400003"), "the sandbox received the message");
        await Task.Delay(200);
        Assert.Single(factory.SandboxMessages, m => m.To == "84912400003");
    }

    [Fact]
    public async Task Without_a_key_each_request_is_a_new_event_and_starts_a_new_instance()
    {
        using var first = await JourneyApi.TriggerAsync(_client, Journey, new { customer = Customer("84912400004") });
        using var second = await JourneyApi.TriggerAsync(_client, Journey, new { customer = Customer("84912400004") });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.NotEqual((await JourneyApi.ReadJsonAsync(first)).GetProperty("instanceId").GetString(), (await JourneyApi.ReadJsonAsync(second)).GetProperty("instanceId").GetString());
        await JourneyApi.WaitUntilAsync(() => factory.SandboxMessages.Count(m => m.To == "84912400004") == 2, "the sandbox received both messages");
    }

    [Fact]
    public async Task The_customer_id_is_the_customer_key_when_given()
    {
        using var response = await JourneyApi.TriggerAsync(_client, Journey, new { customer = new { id = "crm-77", phone = "84912400005", first_name = "Hoa", promo_code = "X" }, idempotencyKey = "k" });

        var instanceId = (await JourneyApi.ReadJsonAsync(response)).GetProperty("instanceId").GetString()!;
        Assert.Equal("crm-77", (await Instances.GetAsync(instanceId))!.CustomerKey);
        await JourneyApi.WaitUntilAsync(() => factory.SandboxMessages.Any(m => m.To == "84912400005"), "the sandbox received the message");
    }

    [Theory]
    [InlineData("{\"idempotencyKey\": \"a\"}", "customer")]
    [InlineData("{\"customer\": {\"first_name\": \"Lan\"}}", "customer.phone")]
    [InlineData("{\"customer\": {\"phone\": 84912345678}}", "customer.phone")]
    [InlineData("{\"customer\": {\"phone\": \"0912345678\"}}", "customer.phone")]
    [InlineData("{\"customer\": {\"phone\": \"84912\"}}", "customer.phone")]
    [InlineData("{\"customer\": {\"phone\": \"84912345678\", \"id\": {}}}", "customer.id")]
    [InlineData("{\"customer\": {\"phone\": \"84912345678\"}, \"idempotencyKey\": \"with space\"}", "idempotencyKey")]
    [InlineData("{\"customer\": {\"phone\": \"84912345678\"}, \"idempotencyKey\": 5}", "idempotencyKey")]
    public async Task A_bad_request_names_the_field_and_starts_nothing(string body, string field)
    {
        var sent = factory.SandboxMessages.Count;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/journeys/{Journey}/trigger") { Content = JourneyApi.Json(body) };

        using var response = await _client.SendAsync(request);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(sent, factory.SandboxMessages.Count);
    }

    [Fact]
    public async Task Different_keys_in_body_and_header_are_refused()
    {
        using var response = await JourneyApi.TriggerAsync(_client, Journey, new { customer = Customer("84912400006"), idempotencyKey = "a" }, idempotencyKeyHeader: "b");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("idempotencyKey", out _));
    }

    [Fact]
    public async Task Broken_json_is_a_400_with_its_position()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/journeys/{Journey}/trigger") { Content = JourneyApi.Json("{\"customer\": {\"phone\": }") };

        using var response = await _client.SendAsync(request);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("(line 1, byte 24)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_journey_is_a_404_problem()
    {
        using var response = await JourneyApi.TriggerAsync(_client, "no-such-journey", new { customer = Customer("84912400007") });

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
