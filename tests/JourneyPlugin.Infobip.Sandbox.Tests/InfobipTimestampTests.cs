using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

/// <summary>Timestamps come from the sandbox's <see cref="TimeProvider"/> in Infobip's colon-less format.</summary>
public sealed class InfobipTimestampTests : SandboxTest
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2019, 4, 9, 19, 0, 58, 647, TimeSpan.Zero));

    internal override TimeProvider? Time => _time;

    internal override void Configure(InfobipSandboxOptions options)
    {
        options.DeliveredAfter = TimeSpan.FromMilliseconds(57_847);
        options.SeenAfter = TimeSpan.FromMinutes(5);
        options.WebhookBatchWindow = TimeSpan.Zero;
    }

    [Fact]
    public async Task Reports_and_replies_carry_the_times_of_the_sandbox_clock()
    {
        Sandbox.AddReplyRule(new SandboxReplyRule("YES") { TemplateName = "welcome_offer", Delay = TimeSpan.FromMinutes(7) });

        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer()));
        Assert.Equal(new DateTimeOffset(2019, 4, 9, 19, 0, 58, 647, TimeSpan.Zero), Assert.Single(Sandbox.AcceptedMessages).AcceptedAt);

        _time.Advance(TimeSpan.FromMilliseconds(57_847));
        var delivery = (await Receiver.WaitForAsync(r => r.Path == "/dlr")).Results[0];
        Assert.Equal("2019-04-09T19:00:58.647+0000", delivery.GetProperty("sentAt").GetString());
        Assert.Equal("2019-04-09T19:01:56.494+0000", delivery.GetProperty("doneAt").GetString());

        _time.Advance(TimeSpan.FromMinutes(5));
        var seen = (await Receiver.WaitForAsync(r => r.Path == "/dlr" && r.Results[0].TryGetProperty("seenAt", out _))).Results[0];
        Assert.Equal("2019-04-09T19:06:56.494+0000", seen.GetProperty("seenAt").GetString());

        _time.Advance(TimeSpan.FromMilliseconds(62_153));
        var inbound = (await Receiver.WaitForAsync(r => r.Path == "/inbound")).Results[0];
        Assert.Equal("2019-04-09T19:07:58.647+0000", inbound.GetProperty("receivedAt").GetString());

        await WaitForWebhooksAsync();
    }
}
