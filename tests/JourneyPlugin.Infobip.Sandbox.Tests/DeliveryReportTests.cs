using System.Text.Json;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class DeliveryReportTests : SandboxTest
{
    [Fact]
    public async Task A_delivered_message_gets_DELIVERED_then_SEEN_at_the_configured_url()
    {
        Sandbox.OpenServiceWindow(TestSandbox.Sender, TestSandbox.Customer);

        using var response = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(messageId: "m-1"));
        await WaitForWebhooksAsync();

        var posts = Receiver.At("/dlr");
        Assert.Equal(2, posts.Count);

        // Two webhooks, which (as with Infobip) may arrive in either order on a loaded machine: told apart by content.
        var delivery = Assert.Single(Assert.Single(posts, p => p.Results[0].TryGetProperty("status", out _)).Results);
        Assert.Equal("m-1", delivery.GetProperty("messageId").GetString());
        Assert.Equal(TestSandbox.Customer, delivery.GetProperty("to").GetString());
        Assert.Equal(1, delivery.GetProperty("messageCount").GetInt32());
        Assert.Matches(TestSandbox.TimestampPattern, delivery.GetProperty("sentAt").GetString());
        Assert.Matches(TestSandbox.TimestampPattern, delivery.GetProperty("doneAt").GetString());
        AssertObject(delivery.GetProperty("status"), """{"groupId":3,"groupName":"DELIVERED","id":5,"name":"DELIVERED_TO_HANDSET","description":"Message delivered to handset"}""");
        AssertObject(delivery.GetProperty("error"), """{"groupId":0,"groupName":"OK","id":0,"name":"NO_ERROR","description":"No Error","permanent":false}""");
        Assert.Equal("EUR", delivery.GetProperty("price").GetProperty("currency").GetString());

        var seen = Assert.Single(Assert.Single(posts, p => p.Results[0].TryGetProperty("seenAt", out _)).Results);
        Assert.Equal("m-1", seen.GetProperty("messageId").GetString());
        Assert.Equal(TestSandbox.Sender, seen.GetProperty("from").GetString());
        Assert.Equal(TestSandbox.Customer, seen.GetProperty("to").GetString());
        Assert.Equal(delivery.GetProperty("sentAt").GetString(), seen.GetProperty("sentAt").GetString());
        Assert.Matches(TestSandbox.TimestampPattern, seen.GetProperty("seenAt").GetString());
        Assert.False(seen.TryGetProperty("status", out _));
        Assert.True(string.CompareOrdinal(seen.GetProperty("seenAt").GetString(), delivery.GetProperty("doneAt").GetString()) >= 0, "seen before delivered");
    }

    [Fact]
    public async Task A_messages_notifyUrl_wins_over_the_configured_url()
    {
        var notifyUrl = Receiver.Url("/per-message").ToString();

        using var response = await Client.PostJsonAsync(
            "/whatsapp/1/message/template",
            TestSandbox.Bulk(null, WithNotifyUrl(TestSandbox.WelcomeOffer(messageId: "m-2"), notifyUrl)));
        await WaitForWebhooksAsync();

        Assert.Empty(Receiver.At("/dlr"));
        var results = Receiver.ResultsAt("/per-message");
        Assert.Equal(2, results.Count);
        Assert.Equal("DELIVERED_TO_HANDSET", results[0].GetProperty("status").GetProperty("name").GetString());
        Assert.True(results[1].TryGetProperty("seenAt", out _));
        Assert.All(results, r => Assert.Equal("m-2", r.GetProperty("messageId").GetString()));
    }

    [Fact]
    public async Task Reports_carry_the_bulkId_and_callbackData_of_the_message()
    {
        var message = TestSandbox.WelcomeOffer(messageId: "m-3");
        message["callbackData"] = "journey=42;step=send";

        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk("bulk-9", message));
        await WaitForWebhooksAsync();

        // Its delivery report, whatever came first: its seen report, or a report of another test's message.
        var delivery = Assert.Single(Receiver.ResultsAt("/dlr"), r => r.GetProperty("messageId").GetString() == "m-3" && r.TryGetProperty("doneAt", out _));
        Assert.Equal("bulk-9", delivery.GetProperty("bulkId").GetString());
        Assert.Equal("journey=42;step=send", delivery.GetProperty("callbackData").GetString());
    }

    [Fact]
    public async Task Without_any_url_nothing_is_posted_and_waiting_still_ends()
    {
        await using var sandbox = InfobipSandbox.Start(TestSandbox.Options());
        using var client = TestSandbox.Client(sandbox);

        using var response = await client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer()));
        await sandbox.WaitForWebhooksAsync(TestSandbox.Soon());

        Assert.Empty(Receiver.All);
        Assert.Single(sandbox.AcceptedMessages);
    }

    private static System.Text.Json.Nodes.JsonObject WithNotifyUrl(System.Text.Json.Nodes.JsonObject message, string url)
    {
        message["notifyUrl"] = url;
        return message;
    }

    private static void AssertObject(JsonElement actual, string expected)
    {
        var expectedProperties = JsonDocument.Parse(expected).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        var actualProperties = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        Assert.Equal(expectedProperties, actualProperties);
    }
}
