using System.Net;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

/// <summary>The <c>/sandbox/</c> endpoints need no API key.</summary>
public sealed class ControlEndpointTests : SandboxTest
{
    [Fact]
    public async Task Health_reports_the_senders()
    {
        using var control = new HttpClient { BaseAddress = Sandbox.BaseUrl };
        using var response = await control.GetAsync(new Uri("/sandbox/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal([TestSandbox.Sender], body.GetProperty("senders").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_reply_by_hand_is_posted_as_an_Infobip_inbound_message()
    {
        using var control = new HttpClient { BaseAddress = Sandbox.BaseUrl };
        using var response = await control.PostJsonAsync("/sandbox/replies", """{"from":"84912345678","to":"441134960000","text":"YES"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.True(answer.GetProperty("posted").GetBoolean());

        var post = Assert.Single(Receiver.At("/inbound"));
        Assert.Equal(1, post.Json.GetProperty("messageCount").GetInt32());
        Assert.Equal(0, post.Json.GetProperty("pendingMessageCount").GetInt32());
        var inbound = Assert.Single(post.Results);
        Assert.Equal(answer.GetProperty("messageId").GetString(), inbound.GetProperty("messageId").GetString());
        Assert.Equal("84912345678", inbound.GetProperty("from").GetString());
        Assert.Equal("441134960000", inbound.GetProperty("to").GetString());
        Assert.Equal("""{"type":"TEXT","text":"YES"}""", inbound.GetProperty("message").GetRawText());
        Assert.False(inbound.TryGetProperty("pairedMessageId", out _));
    }

    [Fact]
    public async Task A_reply_without_a_sender_goes_to_the_sender_that_last_wrote_to_the_customer()
    {
        await using var sandbox = InfobipSandbox.Start(WithSenders("447860099299", TestSandbox.Sender));
        using var client = TestSandbox.Client(sandbox);
        using var sent = await client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer(from: TestSandbox.Sender)));

        using var response = await client.PostJsonAsync("/sandbox/replies", """{"from":"84912345678","text":"Who is this?"}""");

        Assert.Equal(TestSandbox.Sender, (await response.JsonAsync()).GetProperty("to").GetString());
    }

    [Theory]
    [InlineData("", "JSON object")]
    [InlineData("[]", "JSON object")]
    [InlineData("""{"text":"YES"}""", "'from' is required")]
    [InlineData("""{"from":"+84912345678","text":"YES"}""", "'from' must contain digits only")]
    [InlineData("""{"from":"8491","text":"YES"}""", "'from' is not a valid phone number")]
    [InlineData("""{"from":84912345678,"text":"YES"}""", "'from' must be a string")]
    [InlineData("""{"from":"84912345678"}""", "'text' is required")]
    [InlineData("""{"from":"84912345678","text":"  "}""", "'text' is required")]
    [InlineData("""{"from":"84912345678","to":"447700900123","text":"YES"}""", "'to' must be one of the sandbox's senders (441134960000)")]
    public async Task A_bad_reply_gets_400_with_a_clear_message_and_posts_nothing(string body, string message)
    {
        using var control = new HttpClient { BaseAddress = Sandbox.BaseUrl };
        using var response = await control.PostJsonAsync("/sandbox/replies", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.JsonAsync()).GetProperty("error").GetString();
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("84912345678", error, StringComparison.Ordinal);
        await WaitForWebhooksAsync();
        Assert.Empty(Receiver.All);
    }

    [Fact]
    public async Task PostInboundTextAsync_refuses_a_bad_number_and_reports_a_receiver_that_refuses()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Sandbox.PostInboundTextAsync("+84912345678", "Hi"));

        Receiver.FailNext(10);
        await Assert.ThrowsAsync<HttpRequestException>(() => Sandbox.PostInboundTextAsync(TestSandbox.Customer, "Hi", cancellationToken: TestSandbox.Soon()));
    }

    private InfobipSandboxOptions WithSenders(params string[] senders)
    {
        var options = TestSandbox.Options(Receiver);
        options.Senders = senders;
        return options;
    }
}
