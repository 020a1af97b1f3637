using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Messages;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace JourneyPlugin.Infobip.Tests.Client;

/// <summary>The per-sender limiter paces sends on the clock it is given.</summary>
public sealed class InfobipClientRateLimitTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly InfobipClientHarness _harness;

    public InfobipClientRateLimitTests()
    {
        _harness = new InfobipClientHarness(timeProvider: _time);
        _harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(InfobipResponses.Single("84912345678", "m")));
    }

    public void Dispose() => _harness.Dispose();

    private static InfobipTextMessage Message(int i) => new() { To = "84912345678", MessageId = $"m-{i}", Text = "Hi" };

    [Fact]
    public async Task Ten_messages_per_second_lets_one_send_through_every_hundred_milliseconds()
    {
        var client = _harness.CreateClient(messagesPerSecond: 10);

        var sends = Enumerable.Range(0, 3).Select(i => client.SendAsync(Message(i))).ToList();
        await sends[0].WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        Assert.Single(_harness.Server.LogEntries);
        Assert.False(sends[1].IsCompleted);

        await AdvanceOnePeriod();
        await sends[1].WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        Assert.Equal(2, _harness.Server.LogEntries.Count);
        Assert.False(sends[2].IsCompleted);

        await AdvanceOnePeriod();
        var last = await sends[2].WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(InfobipSendOutcome.Accepted, last.Outcome);
        Assert.Equal(3, _harness.Server.LogEntries.Count);
    }

    [Fact]
    public async Task Clients_of_the_same_sender_share_one_limiter()
    {
        var first = _harness.CreateClient(messagesPerSecond: 10);
        var second = _harness.CreateClient(messagesPerSecond: 10);

        var a = first.SendAsync(Message(1));
        var b = second.SendAsync(Message(2));
        await Task.WhenAny(a, b).WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(200);

        Assert.Single(_harness.Server.LogEntries);
        await AdvanceOnePeriod();
        await Task.WhenAll(a, b).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, _harness.Server.LogEntries.Count);
    }

    [Fact]
    public async Task A_full_queue_fails_fast_without_sending()
    {
        var client = _harness.CreateClient(messagesPerSecond: 10, queueLimit: 1);

        var sends = Enumerable.Range(0, 3).Select(i => client.SendAsync(Message(i))).ToList();
        var rejected = await sends[2].WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(InfobipSendOutcome.Failed, rejected.Outcome);
        Assert.Equal(InfobipErrorKind.RateLimited, rejected.Error!.Kind);
        await sends[0].WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(sends[1].IsCompleted);
        await AdvanceOnePeriod();
        await WhenCompleted(sends[1]);
        Assert.Equal(2, _harness.Server.LogEntries.Count);
    }

    /// <summary>
    /// Moves the limiter's clock one refill period on. TokenBucketRateLimiter also checks that a real
    /// period has passed before it refills, so the real clock is given that time first.
    /// </summary>
    private async Task AdvanceOnePeriod()
    {
        await Task.Delay(150);
        _time.Advance(TimeSpan.FromMilliseconds(100));
    }

    private static async Task WhenCompleted(Task task)
    {
        for (var i = 0; i < 250 && !task.IsCompleted; i++)
        {
            await Task.Delay(20);
        }

        Assert.True(task.IsCompleted, "The send the limiter let through did not complete.");
    }

    [Fact]
    public async Task No_rate_sends_at_once()
    {
        var client = _harness.CreateClient(messagesPerSecond: null);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.SendAsync(Message(i)))).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.All(results, r => Assert.Equal(InfobipSendOutcome.Accepted, r.Outcome));
    }
}
