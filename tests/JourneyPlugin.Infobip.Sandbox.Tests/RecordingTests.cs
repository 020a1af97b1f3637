using System.Net;
using System.Text.Json;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class RecordingTests : SandboxTest
{
    [Fact]
    public async Task A_duplicate_messageId_is_a_second_message_on_the_customers_phone()
    {
        using var first = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer(messageId: "dup-1")));
        using var second = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer(messageId: "dup-1")));
        await WaitForWebhooksAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["dup-1", "dup-1"], Sandbox.AcceptedMessages.Select(m => m.MessageId));
        var deliveries = Receiver.ResultsAt("/dlr").Where(r => r.TryGetProperty("doneAt", out _)).ToList();
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal("dup-1", d.GetProperty("messageId").GetString()));
    }

    [Fact]
    public async Task A_template_is_recorded_as_the_customer_reads_it()
    {
        var before = DateTimeOffset.UtcNow;
        var message = TestSandbox.WelcomeOffer("84912345671", "w-1", TestSandbox.Sender, "Ann", "WELCOME15");
        message["callbackData"] = "run-7";
        var requestJson = message.ToJsonString();

        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk("b-1", message));

        var recorded = Assert.Single(Sandbox.AcceptedMessages);
        Assert.Equal("w-1", recorded.MessageId);
        Assert.Equal(TestSandbox.Sender, recorded.From);
        Assert.Equal("84912345671", recorded.To);
        Assert.Equal(SandboxMessageKind.Template, recorded.Kind);
        Assert.Equal("welcome_offer", recorded.TemplateName);
        Assert.Equal("en", recorded.TemplateLanguage);
        Assert.Equal(["Ann", "WELCOME15"], recorded.TemplatePlaceholders);
        Assert.Equal("Hi Ann, thanks for joining Acme! Use code WELCOME15 for 15% off your first order. Shall we send you our weekly deals?", recorded.Text);
        Assert.Equal("b-1", recorded.BulkId);
        Assert.Equal("run-7", recorded.CallbackData);
        Assert.Equal(requestJson, recorded.RequestJson);
        Assert.InRange(recorded.AcceptedAt, before, DateTimeOffset.UtcNow);
        Assert.Equal(SandboxDeliveryOutcome.Delivered, recorded.Outcome);
    }

    [Theory]
    [InlineData("/whatsapp/1/message/image", """{"mediaUrl":"https://cdn.example.com/a.jpg","caption":"Your receipt"}""", SandboxMessageKind.Image, "Your receipt")]
    [InlineData("/whatsapp/1/message/document", """{"mediaUrl":"https://cdn.example.com/a.pdf"}""", SandboxMessageKind.Document, null)]
    [InlineData("/whatsapp/1/message/video", """{"mediaUrl":"https://cdn.example.com/a.mp4","caption":"How to"}""", SandboxMessageKind.Video, "How to")]
    [InlineData("/whatsapp/1/message/audio", """{"mediaUrl":"https://cdn.example.com/a.ogg"}""", SandboxMessageKind.Audio, null)]
    [InlineData("/whatsapp/1/message/interactive/buttons", """{"body":{"text":"Confirm?"},"action":{"buttons":[{"type":"REPLY","id":"y","title":"Yes"}]}}""", SandboxMessageKind.InteractiveButtons, "Confirm?")]
    [InlineData("/whatsapp/1/message/interactive/list", """{"body":{"text":"Pick a shop"},"action":{"title":"Shops","sections":[{"rows":[{"id":"1","title":"Hanoi"}]}]}}""", SandboxMessageKind.InteractiveList, "Pick a shop")]
    public async Task Each_endpoint_records_its_kind_and_what_the_customer_reads(string path, string content, SandboxMessageKind kind, string? text)
    {
        using var response = await Client.PostJsonAsync(path, $$"""{"from":"{{TestSandbox.Sender}}","to":"{{TestSandbox.Customer}}","content":{{content}}}""");

        var recorded = Assert.Single(Sandbox.AcceptedMessages);
        Assert.Equal(kind, recorded.Kind);
        Assert.Equal(text, recorded.Text);
    }

    [Fact]
    public async Task Sandbox_messages_lists_what_customers_received_without_an_api_key()
    {
        Sandbox.OpenServiceWindow(TestSandbox.Sender, "84912345671");
        using var text = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text("84912345671", "Hello Ann", "t-1"));
        using var template = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer("84912345672", "t-2")));
        using var refused = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text("+84912345673"));
        using var anonymous = new HttpClient { BaseAddress = Sandbox.BaseUrl };

        using var response = await anonymous.GetAsync(new Uri("/sandbox/messages", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var messages = (await response.JsonAsync()).GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["t-1", "t-2"], messages.Select(m => m.GetProperty("messageId").GetString()));
        Assert.Equal("TEXT", messages[0].GetProperty("kind").GetString());
        Assert.Equal("Hello Ann", messages[0].GetProperty("text").GetString());
        Assert.Equal("DELIVERED", messages[0].GetProperty("outcome").GetString());
        Assert.Equal("84912345671", messages[0].GetProperty("to").GetString());
        Assert.Equal("Hello Ann", messages[0].GetProperty("request").GetProperty("content").GetProperty("text").GetString());
        Assert.Equal("TEMPLATE", messages[1].GetProperty("kind").GetString());
        Assert.Equal("welcome_offer", messages[1].GetProperty("templateName").GetString());
        Assert.Equal(["Ann", "WELCOME15"], messages[1].GetProperty("templatePlaceholders").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(JsonValueKind.String, messages[1].GetProperty("acceptedAt").ValueKind);
        Assert.True(messages[1].GetProperty("acceptedAt").TryGetDateTimeOffset(out _));

        using var filtered = await anonymous.GetAsync(new Uri("/sandbox/messages?to=84912345672", UriKind.Relative));
        Assert.Equal("t-2", Assert.Single((await filtered.JsonAsync()).GetProperty("messages").EnumerateArray()).GetProperty("messageId").GetString());
    }
}
