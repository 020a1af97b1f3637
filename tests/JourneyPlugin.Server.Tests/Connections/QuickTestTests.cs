using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JourneyPlugin.Server.Tests.Infrastructure;
using Request = WireMock.RequestBuilders.Request;
using Response = WireMock.ResponseBuilders.Response;
using JourneyPlugin.Testing;
using WireMock.Server;

namespace JourneyPlugin.Server.Tests.Connections;

/// <summary><c>POST /api/connections/{name}/quick-test</c> against the sandbox: the vendor's answer as is, and vendor errors as problems.</summary>
[Collection(ConnectionTestGroup.Name)]
public sealed class QuickTestTests(ConnectionTestBed bed)
{
    private HttpClient Client => bed.Client;

    private static string Path(string name) => $"/api/connections/{name}/quick-test";

    [Fact]
    public async Task The_quick_test_sends_one_message_to_the_stored_recipient_and_returns_the_vendor_answer_as_is()
    {
        await bed.CreateAsync(bed.SecondConnection("qt-ok", ("quickTestRecipient", "84912345601")));

        using var response = await Client.PostAsync(Path("qt-ok"), content: null);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("accepted").GetBoolean());
        Assert.Equal(200, body.GetProperty("httpStatus").GetInt32());
        var messageId = body.GetProperty("messageId").GetString();
        var vendor = body.GetProperty("vendorResponse");
        Assert.Equal((messageId, "84912345601", 1), (vendor.GetProperty("messageId").GetString(), vendor.GetProperty("to").GetString(), vendor.GetProperty("messageCount").GetInt32()));
        Assert.Equal(("PENDING", "PENDING_ENROUTE"), (vendor.GetProperty("status").GetProperty("groupName").GetString(), vendor.GetProperty("status").GetProperty("name").GetString()));
        Assert.Equal(("PENDING", "PENDING_ENROUTE"), (body.GetProperty("vendorStatus").GetProperty("groupName").GetString(), body.GetProperty("vendorStatus").GetProperty("name").GetString()));
        Assert.Contains("accepted", body.GetProperty("reading").GetString(), StringComparison.Ordinal);
        var sent = Assert.Single(bed.Second.AcceptedMessages, m => m.MessageId == messageId);
        Assert.Equal(("84912345601", ConnectionTestBed.SecondSender), (sent.To, sent.From));
        Assert.DoesNotContain(bed.Embedded.AcceptedMessages, m => m.MessageId == messageId);
    }

    [Fact]
    public async Task The_quick_test_writes_to_the_number_and_text_given_in_the_body()
    {
        await bed.CreateAsync(bed.SecondConnection("qt-to"));

        using var response = await Client.PostAsJsonAsync(Path("qt-to"), new { to = "84912345602", text = "Does this reach you?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messageId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString();
        var sent = Assert.Single(bed.Second.AcceptedMessages, m => m.MessageId == messageId);
        Assert.Equal(("84912345602", "Does this reach you?"), (sent.To, sent.Text));
    }

    [Fact]
    public async Task The_sandbox_connection_passes_its_quick_test()
    {
        using var response = await Client.PostAsJsonAsync(Path("sandbox"), new { });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messageId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messageId").GetString();
        Assert.Single(bed.Embedded.AcceptedMessages, m => m.MessageId == messageId);
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_problem_carrying_the_vendor_401()
    {
        await bed.CreateAsync(bed.SecondConnection("qt-badkey", ("apiKey", "not-the-key-of-this-account-0000")));

        using var response = await Client.PostAsync(Path("qt-badkey"), content: null);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(401, problem.GetProperty("httpStatus").GetInt32());
        Assert.Equal("Unauthorized", problem.GetProperty("errorKind").GetString());
        Assert.Equal("UNAUTHORIZED", problem.GetProperty("vendorResponse").GetProperty("requestError").GetProperty("serviceException").GetProperty("messageId").GetString());
        Assert.Contains("API key", problem.GetProperty("reading").GetString(), StringComparison.Ordinal);
        Assert.False(problem.GetProperty("accepted").GetBoolean());
        Assert.Empty(response.Headers.WwwAuthenticate); // the vendor's 401 is not this API's
    }

    [Fact]
    public async Task An_unknown_sender_is_a_problem_carrying_the_vendor_403()
    {
        await bed.CreateAsync(bed.SecondConnection("qt-badsender", ("sender", "447860099299")));

        using var response = await Client.PostAsync(Path("qt-badsender"), content: null);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(403, problem.GetProperty("httpStatus").GetInt32());
        Assert.Equal("FORBIDDEN", problem.GetProperty("vendorResponse").GetProperty("requestError").GetProperty("serviceException").GetProperty("messageId").GetString());
        Assert.Contains("447860099299", problem.GetProperty("reading").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vendor_400_is_a_problem_carrying_the_vendor_answer_and_its_fields()
    {
        // A stand-in that refuses the request the way Infobip documents a 400.
        using var vendor = WireMockServer.Start();
        vendor.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json").WithBody(
                """{"requestError":{"serviceException":{"messageId":"BAD_REQUEST","text":"Bad request","validationErrors":{"content.text":["size must be between 1 and 4096"]}}}}"""));
        await bed.CreateAsync(bed.SecondConnection("qt-400", ("baseUrl", vendor.Url)));

        using var response = await Client.PostAsync(Path("qt-400"), content: null);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal((400, "BadRequest"), (problem.GetProperty("httpStatus").GetInt32(), problem.GetProperty("errorKind").GetString()));
        Assert.Equal("BAD_REQUEST", problem.GetProperty("vendorResponse").GetProperty("requestError").GetProperty("serviceException").GetProperty("messageId").GetString());
        Assert.Contains(problem.GetProperty("fieldErrors").EnumerateArray(), f => f.GetProperty("field").GetString() == "content.text");
    }

    [Fact]
    public async Task A_vendor_server_error_is_a_502_saying_the_message_may_have_been_sent()
    {
        await bed.CreateAsync(bed.SecondConnection("qt-500"));
        bed.Second.Faults.AddServerErrors(1, 500);

        using var response = await Client.PostAsync(Path("qt-500"), content: null);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal((500, "unknown"), (problem.GetProperty("httpStatus").GetInt32(), problem.GetProperty("outcome").GetString()));
        Assert.Equal("GENERAL_ERROR", problem.GetProperty("vendorResponse").GetProperty("requestError").GetProperty("serviceException").GetProperty("messageId").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("messageId").GetString()));
    }

    [Fact]
    public async Task An_unreachable_vendor_is_a_502()
    {
        await bed.CreateAsync(bed.SecondConnection("qt-down", ("baseUrl", $"http://127.0.0.1:{TestPorts.Next()}")));

        using var response = await Client.PostAsync(Path("qt-down"), content: null);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal("ConnectionFailed", problem.GetProperty("errorKind").GetString());
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("httpStatus").ValueKind);
    }

    [Theory]
    [InlineData("{\"to\":\"+84912345678\"}", "to")]
    [InlineData("{\"to\":\"0912345678\"}", "to")]
    [InlineData("{\"text\":\"\"}", "text")]
    public async Task A_bad_recipient_or_text_is_named_and_nothing_is_sent(string body, string field)
    {
        var name = $"qt-bad-{Guid.NewGuid():N}"[..20];
        await bed.CreateAsync(bed.SecondConnection(name));
        var before = bed.Second.AcceptedMessages.Count;

        using var response = await Client.PostAsync(Path(name), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(before, bed.Second.AcceptedMessages.Count);
    }

    [Fact]
    public async Task Without_a_stored_recipient_the_quick_test_asks_for_one()
    {
        await bed.CreateAsync(bed.SecondConnection("qt-norecipient", ("quickTestRecipient", null)));

        using var response = await Client.PostAsync(Path("qt-norecipient"), content: null);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("quick-test recipient", problem.GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quick_test_of_an_unknown_connection_is_a_404()
    {
        await Problems.AssertProblemAsync(await Client.PostAsync(Path("nobody"), content: null), HttpStatusCode.NotFound);
    }
}
