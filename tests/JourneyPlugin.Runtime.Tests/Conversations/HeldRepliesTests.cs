using JourneyPlugin.Runtime.Conversations;
using JourneyPlugin.Runtime.Tests.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace JourneyPlugin.Runtime.Tests.Conversations;

/// <summary>A reply goes to the wait, or is held for one not stored yet, or, when neither works, says so.</summary>
public sealed class HeldRepliesTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly FakeLogger _logger = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_reply_no_wait_takes_is_held_for_the_wait()
    {
        var resumed = await HeldReplies.ResumeOrHoldAsync(_db.Storage.Conversations, "hash-1", "{}", TestDatabase.Start.AddMinutes(5), _logger, () => Task.FromResult(0));

        Assert.Equal(0, resumed);
        Assert.Single(await _db.Storage.Conversations.TakeHeldRepliesAsync("hash-1", TestDatabase.Start));
        Assert.Empty(_logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task A_reply_that_a_stored_wait_keeps_refusing_is_offered_three_times_then_logged()
    {
        await _db.Storage.Instances.SaveAsync(JourneyInstanceStoreTests.Instance("i-1", waitingOn: "hash-1"), 0);
        var offers = 0;

        var resumed = await HeldReplies.ResumeOrHoldAsync(_db.Storage.Conversations, "hash-1", "{}", TestDatabase.Start.AddMinutes(5), _logger, () =>
        {
            offers++;
            return Task.FromResult(0);
        });

        Assert.Equal(0, resumed);
        Assert.Equal(3, offers);
        Assert.Empty(await _db.Storage.Conversations.TakeHeldRepliesAsync("hash-1", TestDatabase.Start));
        var warning = Assert.Single(_logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("hash-1", warning.Message, StringComparison.Ordinal);
    }
}
