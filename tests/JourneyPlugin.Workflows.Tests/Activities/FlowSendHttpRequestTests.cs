using System.Text.Json.Nodes;
using JourneyPlugin.Testing;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Tests.Fixtures;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static JourneyPlugin.Workflows.Tests.Fixtures.Journeys;

namespace JourneyPlugin.Workflows.Tests.Activities;

public sealed class FlowSendHttpRequestTests : IDisposable
{
    private readonly WorkflowHost _host = new();
    private readonly WireMockServer _cdp = WireMockServer.Start();

    public void Dispose()
    {
        _cdp.Stop();
        _cdp.Dispose();
        _host.Dispose();
    }

    private Task<WorkflowState> CallAsync(string url, string method = "GET", JsonNode? content = null) => _host.RunActivityAsync("Elsa.FlowSendHttpRequest", new JsonObject
    {
        ["url"] = Input("Uri", "Scriban", url),
        ["method"] = Input("String", "Literal", method),
        ["content"] = Input("Object", "Literal", content),
        ["authorization"] = Input("String", "Literal", "Bearer cdp-token"),
        ["expectedStatusCodes"] = Input("List<Int32>", "Literal", new JsonArray(200, 404)),
        ["statusCode"] = Output("Status"),
        ["parsedContent"] = Output("Body"),
    }, ("Status", "Int32"), ("Body", "Object"));

    [Fact]
    public async Task An_expected_status_goes_out_its_own_port_with_the_parsed_json()
    {
        _cdp.Given(Request.Create().WithPath("/profiles/7").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"tier":"gold"}"""));

        var state = await CallAsync($"{_cdp.Url}/profiles/{{{{ customer.id ?? 7 }}}}", "POST", new JsonObject { ["event"] = "cart_abandoned" });

        Assert.Equal(["200", "Done"], WorkflowHost.OutcomesOf(state));
        Assert.Equal(200, state.Variables["Status"]!.GetValue<int>());
        Assert.Equal("gold", state.Variables["Body"]!["tier"]!.GetValue<string>());
        var request = Assert.Single(_cdp.LogEntries).RequestMessage;
        Assert.Equal("Bearer cdp-token", request.Headers!["Authorization"].Single());
        Assert.Equal("""{"event":"cart_abandoned"}""", request.Body);
    }

    [Fact]
    public async Task An_unexpected_status_goes_out_unmatched()
    {
        _cdp.Given(Request.Create().WithPath("/down").UsingGet()).RespondWith(Response.Create().WithStatusCode(503));

        var state = await CallAsync($"{_cdp.Url}/down");

        Assert.Equal(["Unmatched status code", "Done"], WorkflowHost.OutcomesOf(state));
        Assert.Equal(503, state.Variables["Status"]!.GetValue<int>());
    }

    [Fact]
    public async Task Nothing_listening_goes_out_failed_to_connect()
    {
        var port = TestPorts.Next();

        var state = await CallAsync($"http://127.0.0.1:{port}/x");

        Assert.Equal(["Failed to connect", "Done"], WorkflowHost.OutcomesOf(state));
        Assert.Equal(WorkflowStatus.Finished, state.Status);
    }
}
