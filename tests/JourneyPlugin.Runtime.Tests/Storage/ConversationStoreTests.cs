using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.WhatsApp.Conversations;

namespace JourneyPlugin.Runtime.Tests.Storage;

public sealed class ConversationStoreTests : IDisposable
{
    private const string Sender = "447860099299";
    private const string Customer = "84912345678";
    private readonly TestDatabase _db = new();

    private IConversationStore Store => _db.Storage.Conversations;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task An_unknown_conversation_has_no_window_and_no_opt_out() =>
        Assert.Equal(ConversationState.None, await Store.GetAsync(Sender, Customer));

    [Fact]
    public async Task Inbound_messages_open_the_window_and_are_deduplicated_by_vendor_id()
    {
        var at = TestDatabase.Start.AddMinutes(5);

        Assert.True(await Store.RecordInboundAsync(Sender, Customer, "wamid-1", at));
        Assert.False(await Store.RecordInboundAsync(Sender, Customer, "wamid-1", at.AddHours(1)));

        var state = await Store.GetAsync(Sender, Customer);
        Assert.Equal(new ConversationState(at, false), state);
        Assert.True(state.IsWindowOpen(at.AddHours(23)));
        Assert.Equal(ConversationState.None, await Store.GetAsync("other-sender", Customer));
    }

    [Fact]
    public async Task The_window_only_moves_forward()
    {
        var latest = TestDatabase.Start.AddHours(2);
        await Store.RecordInboundAsync(Sender, Customer, "wamid-2", latest);

        Assert.True(await Store.RecordInboundAsync(Sender, Customer, "wamid-1", latest.AddHours(-1)));
        Assert.Equal(latest, (await Store.GetAsync(Sender, Customer)).LastInboundAt);

        await Store.RecordInboundAsync(Sender, Customer, "wamid-3", latest.AddMinutes(1));
        Assert.Equal(latest.AddMinutes(1), (await Store.GetAsync(Sender, Customer)).LastInboundAt);
    }

    [Fact]
    public async Task Opt_out_and_back_in_keeps_the_window_and_ignores_stale_changes()
    {
        await Store.RecordInboundAsync(Sender, Customer, "wamid-1", TestDatabase.Start);

        await Store.SetOptedOutAsync(Sender, Customer, true, TestDatabase.Start.AddMinutes(10));
        Assert.Equal(new ConversationState(TestDatabase.Start, true), await Store.GetAsync(Sender, Customer));

        // A START sent before the STOP but delivered after it must not opt the customer back in.
        await Store.SetOptedOutAsync(Sender, Customer, false, TestDatabase.Start.AddMinutes(5));
        Assert.True((await Store.GetAsync(Sender, Customer)).OptedOut);

        await Store.SetOptedOutAsync(Sender, Customer, false, TestDatabase.Start.AddMinutes(20));
        Assert.Equal(new ConversationState(TestDatabase.Start, false), await Store.GetAsync(Sender, Customer));

        await Store.SetOptedOutAsync(Sender, "84900000001", true, TestDatabase.Start);
        Assert.Equal(new ConversationState(null, true), await Store.GetAsync(Sender, "84900000001"));
    }

    [Fact]
    public async Task Held_replies_are_taken_once_in_order_and_expire()
    {
        var now = TestDatabase.Start;
        await Store.HoldReplyAsync("hash-1", """{"text":"yes"}""", now.AddMinutes(5));
        await Store.HoldReplyAsync("hash-1", """{"text":"expired"}""", now.AddSeconds(-1));
        await Store.HoldReplyAsync("hash-1", """{"text":"second"}""", now.AddMinutes(5));
        await Store.HoldReplyAsync("hash-2", """{"text":"other"}""", now.AddMinutes(5));

        var taken = await Store.TakeHeldRepliesAsync("hash-1", now);
        var again = await Store.TakeHeldRepliesAsync("hash-1", now);

        Assert.Equal(["""{"text":"yes"}""", """{"text":"second"}"""], taken.Select(r => r.ReplyJson));
        Assert.Equal(new HeldReply("hash-1", """{"text":"yes"}""", now, now.AddMinutes(5)), taken[0]);
        Assert.Empty(again);
        Assert.Single(await Store.TakeHeldRepliesAsync("hash-2", now));
    }

    [Fact]
    public async Task A_reply_is_not_held_for_a_wait_that_is_stored_by_then()
    {
        var until = TestDatabase.Start.AddMinutes(5);
        Assert.True(await Store.HoldReplyAsync("hash-1", """{"text":"early"}""", until));

        // The wait is saved: a reply that comes now goes to the wait itself, whose owner has looked for held replies already.
        var instances = _db.Storage.Instances;
        await instances.SaveAsync(JourneyInstanceStoreTests.Instance("i-1", waitingOn: "hash-1"), 0);
        Assert.False(await Store.HoldReplyAsync("hash-1", """{"text":"late"}""", until));
        Assert.True(await Store.HoldReplyAsync("hash-2", """{"text":"other"}""", until));

        Assert.Equal(["""{"text":"early"}"""], (await Store.TakeHeldRepliesAsync("hash-1", TestDatabase.Start)).Select(r => r.ReplyJson));
        Assert.Empty(await Store.TakeHeldRepliesAsync("hash-1", TestDatabase.Start));
    }

    [Fact]
    public async Task A_reply_held_until_now_has_expired()
    {
        await Store.HoldReplyAsync("hash-1", "{}", TestDatabase.Start.AddMinutes(1));

        Assert.Empty(await Store.TakeHeldRepliesAsync("hash-1", TestDatabase.Start.AddMinutes(1)));
        Assert.Equal(0, await Store.PurgeExpiredAsync(TestDatabase.Start.AddYears(1)));
    }

    [Fact]
    public async Task Two_concurrent_takers_get_each_reply_once()
    {
        for (var i = 0; i < 200; i++)
        {
            await Store.HoldReplyAsync("hash-1", $$"""{"n":{{i}}}""", TestDatabase.Start.AddHours(1));
        }

        using var start = new ManualResetEventSlim();
        var takers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var mine = new List<string>();
            for (var round = 0; round < 20; round++)
            {
                mine.AddRange((await Store.TakeHeldRepliesAsync("hash-1", TestDatabase.Start)).Select(r => r.ReplyJson));
            }

            return mine;
        })).ToArray();

        // Hold more while the takers run, so they really race.
        var holder = Task.Run(async () =>
        {
            start.Wait();
            for (var i = 200; i < 300; i++)
            {
                await Store.HoldReplyAsync("hash-1", $$"""{"n":{{i}}}""", TestDatabase.Start.AddHours(1));
            }
        });
        start.Set();
        await holder;
        var results = await Task.WhenAll(takers);
        var rest = await Store.TakeHeldRepliesAsync("hash-1", TestDatabase.Start);

        var all = results.SelectMany(r => r).Concat(rest.Select(r => r.ReplyJson)).ToList();
        Assert.Equal(300, all.Count);
        Assert.Equal(300, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Purge_removes_expired_replies_and_old_inbound_ids()
    {
        await Store.HoldReplyAsync("hash-1", "{}", TestDatabase.Start.AddMinutes(1));
        await Store.HoldReplyAsync("hash-1", "{}", TestDatabase.Start.AddMinutes(10));
        await Store.RecordInboundAsync(Sender, Customer, "wamid-1", TestDatabase.Start);

        Assert.Equal(1, await Store.PurgeExpiredAsync(TestDatabase.Start.AddMinutes(5)));
        Assert.Single(await Store.TakeHeldRepliesAsync("hash-1", TestDatabase.Start.AddMinutes(5)));

        // Past the deduplication retention (7 days) the vendor id is forgotten; the window stays.
        Assert.Equal(1, await Store.PurgeExpiredAsync(TestDatabase.Start.AddDays(8)));
        Assert.True(await Store.RecordInboundAsync(Sender, Customer, "wamid-1", TestDatabase.Start));
        Assert.Equal(TestDatabase.Start, (await Store.GetAsync(Sender, Customer)).LastInboundAt);
    }

    [Fact]
    public async Task Bad_arguments_name_the_parameter()
    {
        Assert.Equal("sender", (await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Store.GetAsync(null!, Customer))).ParamName);
        Assert.Equal("customer", (await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Store.GetAsync(Sender, ""))).ParamName);
        Assert.Equal("vendorMessageId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.RecordInboundAsync(Sender, Customer, "", TestDatabase.Start))).ParamName);
        Assert.Equal("customer", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SetOptedOutAsync(Sender, null!, true, TestDatabase.Start))).ParamName);
        Assert.Equal("bookmarkHash", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.HoldReplyAsync("", "{}", TestDatabase.Start))).ParamName);
        Assert.Equal("replyJson", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.HoldReplyAsync("h", null!, TestDatabase.Start))).ParamName);
        Assert.Equal("bookmarkHash", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.TakeHeldRepliesAsync(null!, TestDatabase.Start))).ParamName);
    }
}
