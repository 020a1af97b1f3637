using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class WebhookBatchingTests : SandboxTest
{
    internal override void Configure(InfobipSandboxOptions options)
    {
        options.WebhookBatchSize = 2;
        options.WebhookBatchWindow = TimeSpan.FromMilliseconds(300);
        options.SeenAfter = TimeSpan.FromSeconds(1);
    }

    [Fact]
    public async Task Reports_for_one_url_are_posted_together_up_to_the_batch_size()
    {
        var messages = Enumerable.Range(1, 5).Select(i => TestSandbox.WelcomeOffer($"8491234567{i}", $"m-{i}")).ToArray();

        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, messages));
        await WaitForWebhooksAsync();

        var deliveryPosts = Receiver.At("/dlr").Where(p => p.Results[0].TryGetProperty("doneAt", out _)).ToList();
        Assert.Equal([2, 2, 1], deliveryPosts.Select(p => p.Results.Count).Order().Reverse());
        Assert.Equal(
            Enumerable.Range(1, 5).Select(i => $"m-{i}").Order(),
            deliveryPosts.SelectMany(p => p.Results).Select(r => r.GetProperty("messageId").GetString()).Order());

        // Seen reports are a separate webhook: never mixed into a delivery report POST.
        var seenPosts = Receiver.At("/dlr").Where(p => p.Results[0].TryGetProperty("seenAt", out _)).ToList();
        Assert.Equal(5, seenPosts.Sum(p => p.Results.Count));
        Assert.All(seenPosts, p => Assert.All(p.Results, r => Assert.False(r.TryGetProperty("doneAt", out _))));
    }
}
