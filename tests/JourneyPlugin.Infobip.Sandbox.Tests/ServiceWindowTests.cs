using System.Net;
using System.Text.Json;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class ServiceWindowTests : SandboxTest
{
    [Fact]
    public async Task A_free_form_message_outside_the_window_is_accepted_then_fails_with_7010_and_is_never_seen()
    {
        using var response = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(messageId: "m-1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForWebhooksAsync();

        var report = Assert.Single(Receiver.ResultsAt("/dlr"));
        Assert.Equal("m-1", report.GetProperty("messageId").GetString());
        var status = report.GetProperty("status");
        Assert.Equal(2, status.GetProperty("groupId").GetInt32());
        Assert.Equal("UNDELIVERABLE", status.GetProperty("groupName").GetString());
        Assert.Equal(4, status.GetProperty("id").GetInt32());
        Assert.Equal("UNDELIVERABLE_REJECTED_OPERATOR", status.GetProperty("name").GetString());
        var error = report.GetProperty("error");
        Assert.Equal(1, error.GetProperty("groupId").GetInt32());
        Assert.Equal("HANDSET_ERRORS", error.GetProperty("groupName").GetString());
        Assert.Equal(7010, error.GetProperty("id").GetInt32());
        Assert.Equal("EC_NO_SESSION", error.GetProperty("name").GetString());
        Assert.EndsWith("(code 7010)", error.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(error.GetProperty("permanent").GetBoolean());
        Assert.Equal(SandboxDeliveryOutcome.FailedNoSession, Assert.Single(Sandbox.AcceptedMessages).Outcome);
    }

    [Theory]
    [InlineData("/whatsapp/1/message/image", """{"mediaUrl":"https://cdn.example.com/a.jpg"}""")]
    [InlineData("/whatsapp/1/message/interactive/buttons", """{"body":{"text":"Pick"},"action":{"buttons":[{"type":"REPLY","id":"a","title":"A"}]}}""")]
    public async Task Media_and_interactive_messages_are_free_form_too(string path, string content)
    {
        using var response = await Client.PostJsonAsync(path, $$"""{"from":"{{TestSandbox.Sender}}","to":"{{TestSandbox.Customer}}","content":{{content}}}""");
        await WaitForWebhooksAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7010, Assert.Single(Receiver.ResultsAt("/dlr")).GetProperty("error").GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task A_template_outside_the_window_is_delivered()
    {
        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer()));
        await WaitForWebhooksAsync();

        Assert.Equal("DELIVERED_TO_HANDSET", Receiver.ResultsAt("/dlr")[0].GetProperty("status").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_customers_message_opens_the_window_for_free_form_messages()
    {
        using var before = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(messageId: "before"));
        await Sandbox.PostInboundTextAsync(TestSandbox.Customer, "Hi, is my order on its way?", cancellationToken: TestSandbox.Soon());
        using var after = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(messageId: "after"));
        await WaitForWebhooksAsync();

        var reports = Receiver.ResultsAt("/dlr").Where(r => r.TryGetProperty("status", out _)).ToDictionary(r => r.GetProperty("messageId").GetString()!);
        Assert.Equal(7010, reports["before"].GetProperty("error").GetProperty("id").GetInt32());
        Assert.Equal("DELIVERED_TO_HANDSET", reports["after"].GetProperty("status").GetProperty("name").GetString());
        Assert.Contains(Receiver.ResultsAt("/dlr"), r => r.TryGetProperty("seenAt", out _) && r.GetProperty("messageId").GetString() == "after");
        Assert.DoesNotContain(Receiver.ResultsAt("/dlr"), r => r.TryGetProperty("seenAt", out _) && r.GetProperty("messageId").GetString() == "before");
    }

    [Fact]
    public async Task A_reply_posted_over_http_opens_the_window()
    {
        using var reply = await Client.PostJsonAsync("/sandbox/replies", $$"""{"from":"{{TestSandbox.Customer}}","text":"YES"}""");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);

        using var response = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        await WaitForWebhooksAsync();

        Assert.Equal(SandboxDeliveryOutcome.Delivered, Assert.Single(Sandbox.AcceptedMessages).Outcome);
    }

    [Fact]
    public async Task The_window_belongs_to_one_sender_and_one_customer()
    {
        await using var sandbox = InfobipSandbox.Start(WithSenders(TestSandbox.Sender, "447860099299"));
        using var client = TestSandbox.Client(sandbox);
        sandbox.OpenServiceWindow(TestSandbox.Sender, TestSandbox.Customer);

        using var sameSender = await client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        using var otherSender = await client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(from: "447860099299"));
        using var otherCustomer = await client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(to: "84912345679"));

        Assert.Equal(
            [SandboxDeliveryOutcome.Delivered, SandboxDeliveryOutcome.FailedNoSession, SandboxDeliveryOutcome.FailedNoSession],
            sandbox.AcceptedMessages.Select(m => m.Outcome));
    }

    [Fact]
    public async Task Enforcement_can_be_turned_off()
    {
        var options = TestSandbox.Options(Receiver);
        options.DeliveryReportUrl = Receiver.Url("/unenforced");
        options.EnforceCustomerServiceWindow = false;
        await using var sandbox = InfobipSandbox.Start(options);
        using var client = TestSandbox.Client(sandbox);

        using var response = await client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        await sandbox.WaitForWebhooksAsync(TestSandbox.Soon());

        Assert.Equal("DELIVERED_TO_HANDSET", Receiver.ResultsAt("/unenforced")[0].GetProperty("status").GetProperty("name").GetString());
    }

    private InfobipSandboxOptions WithSenders(params string[] senders)
    {
        var options = TestSandbox.Options(Receiver);
        options.Senders = senders;
        return options;
    }
}
