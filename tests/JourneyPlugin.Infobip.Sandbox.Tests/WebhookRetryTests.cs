using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class WebhookRetryTests : SandboxTest
{
    internal override void Configure(InfobipSandboxOptions options)
    {
        options.WebhookMaxRetries = 3;
        options.SeenAfter = TimeSpan.FromSeconds(5);
    }

    [Fact]
    public async Task A_failed_post_is_retried_until_the_receiver_accepts_it()
    {
        Receiver.FailNext(2);

        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer(messageId: "m-1")));
        await Receiver.WaitForAsync(r => r.Path == "/dlr");

        var attempts = Receiver.All.Where(r => r.Path == "/dlr").ToList();
        Assert.Equal([false, false, true], attempts.Select(a => a.Accepted));
        Assert.Single(attempts.Select(a => a.Body).Distinct());
        Assert.Equal("m-1", attempts[2].Results[0].GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task A_post_that_keeps_failing_is_given_up_and_waiting_ends()
    {
        await using var sandbox = InfobipSandbox.Start(WithRetries(1));
        using var client = TestSandbox.Client(sandbox);
        Receiver.FailNext(100);

        using var response = await client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer()));
        await sandbox.WaitForWebhooksAsync(TestSandbox.Soon());

        // One attempt and one retry for the delivery report, the same for the seen report.
        Assert.Equal(4, Receiver.All.Count);
        Assert.All(Receiver.All, r => Assert.False(r.Accepted));
    }

    [Fact]
    public async Task An_unreachable_receiver_is_given_up_too()
    {
        var options = WithRetries(1);
        options.DeliveryReportUrl = new Uri("http://127.0.0.1:9/unreachable");
        await using var sandbox = InfobipSandbox.Start(options);
        using var client = TestSandbox.Client(sandbox);

        using var response = await client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer()));
        await sandbox.WaitForWebhooksAsync(TestSandbox.Soon());

        Assert.Single(sandbox.AcceptedMessages);
    }

    [Fact]
    public async Task The_wait_between_retries_doubles_up_to_its_cap()
    {
        var options = WithRetries(8);
        options.WebhookRetryDelay = TimeSpan.FromMilliseconds(100);
        options.WebhookMaxRetryDelay = TimeSpan.FromMilliseconds(200);
        options.SeenAfter = TimeSpan.FromMinutes(1);
        await using var sandbox = InfobipSandbox.Start(options);
        using var client = TestSandbox.Client(sandbox);
        Receiver.FailNext(6);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var response = await client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer(messageId: "m-capped")));
        await Receiver.WaitForAsync(r => r.Path == "/dlr" && r.Accepted);

        // 0.1 + 5 × 0.2 s of waits; doubling without the cap would wait 0.1 + 0.2 + … + 3.2 = 6.3 s.
        Assert.Equal([false, false, false, false, false, false, true], Receiver.All.Where(r => r.Path == "/dlr").Select(a => a.Accepted));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.1), TimeSpan.FromSeconds(4));
    }

    private InfobipSandboxOptions WithRetries(int retries)
    {
        var options = TestSandbox.Options(Receiver);
        options.WebhookMaxRetries = retries;
        return options;
    }
}
