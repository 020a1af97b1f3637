using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class ReplyRuleTests : SandboxTest
{
    private static readonly string[] Customers = [.. Enumerable.Range(0, 10).Select(d => $"8491234567{d}")];

    [Fact]
    public async Task A_rule_answers_the_template_for_numbers_ending_1_to_5_and_not_for_others()
    {
        Sandbox.AddReplyRule(new SandboxReplyRule("YES")
        {
            TemplateName = "welcome_offer",
            LastDigits = [1, 2, 3, 4, 5],
            Delay = TimeSpan.FromMilliseconds(30),
        });
        var messages = Customers.Select((c, i) => TestSandbox.WelcomeOffer(c, $"offer-{i}")).ToArray();

        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, messages));
        await WaitForWebhooksAsync();

        var inbound = Receiver.At("/inbound");
        var replies = inbound.SelectMany(p => p.Results).ToList();
        Assert.Equal(Customers[1..6], replies.Select(r => r.GetProperty("from").GetString()).Order());
        Assert.DoesNotContain(replies, r => r.GetProperty("from").GetString() == "84912345676");

        var reply = replies.Single(r => r.GetProperty("from").GetString() == "84912345671");
        Assert.Equal(TestSandbox.Sender, reply.GetProperty("to").GetString());
        Assert.Equal("WHATSAPP", reply.GetProperty("integrationType").GetString());
        Assert.StartsWith("wamid.", reply.GetProperty("messageId").GetString(), StringComparison.Ordinal);
        Assert.Equal("offer-1", reply.GetProperty("pairedMessageId").GetString());
        Assert.Matches(TestSandbox.TimestampPattern, reply.GetProperty("receivedAt").GetString());
        Assert.Equal("""{"type":"TEXT","text":"YES"}""", reply.GetProperty("message").GetRawText());
        Assert.Equal(0, reply.GetProperty("price").GetProperty("pricePerMessage").GetDecimal());
        Assert.Equal("84912345671", reply.GetProperty("contact").GetProperty("phoneNumber").GetString());
        Assert.False(string.IsNullOrEmpty(reply.GetProperty("contact").GetProperty("name").GetString()));
        Assert.All(inbound, post =>
        {
            Assert.Equal(post.Results.Count, post.Json.GetProperty("messageCount").GetInt32());
            Assert.Equal(0, post.Json.GetProperty("pendingMessageCount").GetInt32());
        });
    }

    [Fact]
    public async Task A_reply_opens_the_window_of_the_customer_who_replied_only()
    {
        Sandbox.AddReplyRule(new SandboxReplyRule("YES") { TemplateName = "welcome_offer", LastDigits = [1], Delay = TimeSpan.Zero });
        using var offers = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer(Customers[1]), TestSandbox.WelcomeOffer(Customers[6])));
        await WaitForWebhooksAsync();

        using var toReplier = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(Customers[1], "Great, here are the deals"));
        using var toSilent = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(Customers[6], "Still interested?"));

        var texts = Sandbox.AcceptedMessages.Where(m => m.Kind == SandboxMessageKind.Text).ToList();
        Assert.Equal([SandboxDeliveryOutcome.Delivered, SandboxDeliveryOutcome.FailedNoSession], texts.Select(m => m.Outcome));
    }

    [Fact]
    public async Task A_rule_with_a_button_payload_replies_as_a_button_tap()
    {
        Sandbox.AddReplyRule(new SandboxReplyRule("Yes please") { TemplateName = "welcome_offer", ButtonPayload = "WELCOME_YES", Delay = TimeSpan.Zero });

        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer()));
        await WaitForWebhooksAsync();

        var reply = Assert.Single(Receiver.ResultsAt("/inbound"));
        Assert.Equal("""{"type":"BUTTON","text":"Yes please","payload":"WELCOME_YES"}""", reply.GetProperty("message").GetRawText());
    }

    [Fact]
    public async Task A_template_rule_ignores_other_messages_and_a_rule_without_template_answers_any()
    {
        Sandbox.OpenServiceWindow(TestSandbox.Sender, Customers[2]);
        Sandbox.AddReplyRule(new SandboxReplyRule("About the offer") { TemplateName = "welcome_offer", Delay = TimeSpan.Zero });
        Sandbox.AddReplyRule(new SandboxReplyRule("Thanks!") { Delay = TimeSpan.Zero });

        using var text = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(Customers[2], "Your order shipped"));
        await WaitForWebhooksAsync();

        var reply = Assert.Single(Receiver.ResultsAt("/inbound"));
        Assert.Equal("Thanks!", reply.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Nobody_answers_a_message_they_never_received()
    {
        Sandbox.AddReplyRule(new SandboxReplyRule("Thanks!") { Delay = TimeSpan.Zero });

        using var text = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        await WaitForWebhooksAsync();

        Assert.Empty(Receiver.At("/inbound"));
    }

    [Fact]
    public async Task Rules_can_be_given_in_the_options()
    {
        var options = TestSandbox.Options(Receiver);
        options.InboundMessageUrl = Receiver.Url("/configured-inbound");
        options.ReplyRules = [new SandboxReplyRule("STOP") { TemplateName = "welcome_offer", LastDigits = [8], Delay = TimeSpan.Zero }];
        await using var sandbox = InfobipSandbox.Start(options);
        using var client = TestSandbox.Client(sandbox);

        using var response = await client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer(Customers[8]), TestSandbox.WelcomeOffer(Customers[9])));
        await sandbox.WaitForWebhooksAsync(TestSandbox.Soon());

        var reply = Assert.Single(Receiver.ResultsAt("/configured-inbound"));
        Assert.Equal(Customers[8], reply.GetProperty("from").GetString());
        Assert.Equal("STOP", reply.GetProperty("message").GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("", null, null)]
    [InlineData("YES", new[] { 10 }, null)]
    [InlineData("YES", new int[0], null)]
    [InlineData("YES", null, "")]
    public void An_impossible_rule_is_refused(string text, int[]? lastDigits, string? payload)
    {
        Assert.Throws<ArgumentException>(() => Sandbox.AddReplyRule(new SandboxReplyRule(text) { LastDigits = lastDigits, ButtonPayload = payload }));
    }
}
