using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

/// <summary>The 24 hours are measured by the sandbox's <see cref="TimeProvider"/>.</summary>
public sealed class ServiceWindowExpiryTests : SandboxTest
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    internal override TimeProvider? Time => _time;

    internal override void Configure(InfobipSandboxOptions options)
    {
        options.DeliveredAfter = TimeSpan.Zero;
        options.SeenAfter = TimeSpan.Zero;
        options.WebhookBatchWindow = TimeSpan.Zero;
    }

    [Fact]
    public async Task The_window_closes_24_hours_after_the_customers_last_message()
    {
        await Sandbox.PostInboundTextAsync(TestSandbox.Customer, "Hello", cancellationToken: TestSandbox.Soon());

        _time.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        using var justInside = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(messageId: "inside"));

        _time.Advance(TimeSpan.FromMinutes(2));
        using var justOutside = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(messageId: "outside"));

        await Sandbox.PostInboundTextAsync(TestSandbox.Customer, "Still there?", cancellationToken: TestSandbox.Soon());
        using var renewed = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(messageId: "renewed"));
        await WaitForWebhooksAsync();

        Assert.Equal(
            [("inside", SandboxDeliveryOutcome.Delivered), ("outside", SandboxDeliveryOutcome.FailedNoSession), ("renewed", SandboxDeliveryOutcome.Delivered)],
            Sandbox.AcceptedMessages.Select(m => (m.MessageId, m.Outcome)));
        var errors = Receiver.ResultsAt("/dlr").Where(r => r.TryGetProperty("error", out _)).ToDictionary(r => r.GetProperty("messageId").GetString()!, r => r.GetProperty("error").GetProperty("id").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["inside"] = 0, ["outside"] = 7010, ["renewed"] = 0 }, errors);
    }
}
