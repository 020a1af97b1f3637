using System.Net;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class ResponseShapeTests : SandboxTest
{
    [Fact]
    public async Task The_quick_test_answer_is_exactly_Infobips_single_message_info()
    {
        using var response = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(messageId: "quick-test-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            """{"to":"84912345678","messageCount":1,"messageId":"quick-test-1","status":{"groupId":1,"groupName":"PENDING","id":7,"name":"PENDING_ENROUTE","description":"Message sent to next instance"}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_message_without_a_messageId_gets_a_generated_uuid()
    {
        using var response = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());

        var messageId = (await response.JsonAsync()).GetProperty("messageId").GetString();
        Assert.True(Guid.TryParse(messageId, out _), $"'{messageId}' is not a UUID");
        Assert.Equal(messageId, Assert.Single(Sandbox.AcceptedMessages).MessageId);
    }

    [Fact]
    public async Task A_single_template_gets_a_bulk_answer_with_a_null_bulkId()
    {
        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer(messageId: "t-1")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"messages":[{"to":"84912345678","messageCount":1,"messageId":"t-1","status":{"groupId":1,"groupName":"PENDING","id":7,"name":"PENDING_ENROUTE","description":"Message sent to next instance"}}],"bulkId":null}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_callers_bulkId_is_echoed()
    {
        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk("campaign-7", TestSandbox.WelcomeOffer()));

        var body = await response.JsonAsync();
        Assert.Equal("campaign-7", body.GetProperty("bulkId").GetString());
        Assert.Equal("campaign-7", Assert.Single(Sandbox.AcceptedMessages).BulkId);
    }

    [Fact]
    public async Task Several_templates_get_a_generated_bulkId_and_one_answer_each_in_order()
    {
        var body = TestSandbox.Bulk(null, TestSandbox.WelcomeOffer("84912345671", "m-1"), TestSandbox.WelcomeOffer("84912345672"));

        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", body);

        var json = await response.JsonAsync();
        var bulkId = json.GetProperty("bulkId").GetString();
        Assert.False(string.IsNullOrEmpty(bulkId));
        var messages = json.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["84912345671", "84912345672"], messages.Select(m => m.GetProperty("to").GetString()));
        Assert.Equal("m-1", messages[0].GetProperty("messageId").GetString());
        Assert.True(Guid.TryParse(messages[1].GetProperty("messageId").GetString(), out _));
        Assert.All(messages, m => Assert.Equal("PENDING_ENROUTE", m.GetProperty("status").GetProperty("name").GetString()));
        Assert.All(Sandbox.AcceptedMessages, m => Assert.Equal(bulkId, m.BulkId));
    }

    [Fact]
    public async Task A_message_outside_the_window_is_still_answered_200_pending_as_Infobip_does()
    {
        using var response = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("PENDING_ENROUTE", body.GetProperty("status").GetProperty("name").GetString());
        Assert.False(body.TryGetProperty("bulkId", out _));
    }
}
