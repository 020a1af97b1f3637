using System.Diagnostics.Metrics;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Server.Hosting;
using JourneyPlugin.Server.Tests.Infrastructure;
using JourneyPlugin.Workflows.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace JourneyPlugin.Server.Tests.Diagnostics;

public sealed class MetricsTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Sends_webhooks_and_resume_latency_are_measured_on_the_journeyplugin_meter()
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        using var sent = new MetricCollector<long>(meters, JourneyPluginMeter.Name, "journeyplugin.whatsapp.messages.sent");
        using var failed = new MetricCollector<long>(meters, JourneyPluginMeter.Name, "journeyplugin.whatsapp.messages.failed");
        using var requests = new MetricCollector<long>(meters, JourneyPluginMeter.Name, "journeyplugin.webhook.requests");
        using var results = new MetricCollector<long>(meters, JourneyPluginMeter.Name, "journeyplugin.webhook.results");
        using var resume = new MetricCollector<double>(meters, JourneyPluginMeter.Name, "journeyplugin.journey.resume.duration");
        var sandbox = factory.Services.GetRequiredService<EmbeddedSandbox>().Sandbox;
        var grains = factory.Services.GetRequiredService<IGrainFactory>();

        // One customer gets the offer and answers; another has a number that cannot be one.
        await Start(grains, "84912345001", "{\"phone\":\"+84912345001\",\"first_name\":\"An\",\"promo_code\":\"A1\"}");
        await Start(grains, "bad-number", "{\"phone\":\"12\",\"first_name\":\"Bo\",\"promo_code\":\"B2\"}");
        await WaitUntil(() => sandbox.AcceptedMessages.Any(m => m.To == "84912345001"));
        // The test host listens on no port, so the reply is posted as the sandbox would post it.
        var reply = Payloads.Inbound("m-metrics-reply", "Yes please").Replace("385919998888", "84912345001", StringComparison.Ordinal).Replace("41793026731", sandbox.Senders[0], StringComparison.Ordinal)
            .Replace("2025-01-01T10:10:00.000+0000", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var inbound = await _client.SendAsync(Payloads.Post("/webhooks/infobip/sandbox/inbound", reply, ServerFactory.SandboxHmacSecret));
        inbound.EnsureSuccessStatusCode();
        await WaitUntil(() => sandbox.AcceptedMessages.Count(m => m.To == "84912345001") == 2);

        // Sent: the offer and the deals; failed: the bad number, tagged with its reason.
        await WaitUntil(() => sent.GetMeasurementSnapshot().Sum(m => m.Value) >= 2);
        var failure = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal("InvalidNumber", failure.Tags["reason"]);
        Assert.Contains(requests.GetMeasurementSnapshot(), m => (string?)m.Tags["kind"] == "InboundMessages" && (int?)m.Tags["http.response.status_code"] == 200);
        Assert.Contains(results.GetMeasurementSnapshot(), m => (string?)m.Tags["kind"] == "InboundMessages" && m.Value == 1);
        var latency = Assert.Single(resume.GetMeasurementSnapshot());
        Assert.InRange(latency.Value, 0, 30);

        // A refused webhook is counted with its status.
        using var unsigned = await _client.SendAsync(Payloads.Post("/webhooks/infobip/sandbox/inbound", Payloads.Inbound("m-unsigned")));
        Assert.Contains(requests.GetMeasurementSnapshot(), m => (int?)m.Tags["http.response.status_code"] == 401);
    }

    private static Task<JourneyInstanceSnapshot> Start(IGrainFactory grains, string customer, string profile) =>
        grains.GetGrain<IJourneyInstanceGrain>(JourneyStartRequest.InstanceIdFor("welcome-offer", "metrics", customer)).StartAsync(new JourneyStartRequest
        {
            DefinitionId = "welcome-offer",
            RunId = null,
            CustomerKey = customer,
            CustomerJson = profile,
        });

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the condition");
            await Task.Delay(50);
        }
    }
}
