using System.Reflection;
using JourneyPlugin.Runtime.Conversations;
using JourneyPlugin.Runtime.Delivery;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Runtime.Tests.Storage;
using JourneyPlugin.WhatsApp.Activities;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Tests.Delivery;

public sealed class SendSettlerTests : IDisposable
{
    private readonly TestDatabase _db = new();

    private ISendLedger Ledger => _db.Storage.Ledger;

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task One_pass_settles_every_send_past_the_window_even_when_no_journey_can_be_told()
    {
        // More than a page of sends whose outcome stayed unknown, and a silo that refuses every call.
        for (var i = 0; i < 250; i++)
        {
            await Ledger.ReserveAsync(SendLedgerTests.Reservation($"m-{i:000}"));
        }

        await Ledger.ReserveAsync(SendLedgerTests.Reservation("recent"));
        var settler = Settler(new SettlementOptions { Window = TimeSpan.FromMinutes(10), Policy = SendSettlement.Failed });
        _db.Time.Advance(TimeSpan.FromMinutes(11));
        await Ledger.ReserveAsync(SendLedgerTests.Reservation("in-window"));

        var settled = await settler.SettleAsync(CancellationToken.None);

        Assert.Equal(251, settled);
        Assert.Equal(SettlementDecision.MarkFailed, (await Ledger.GetAsync("m-249"))!.Settlement);
        Assert.Null((await Ledger.GetAsync("in-window"))!.Settlement);
        Assert.Equal(0, await settler.SettleAsync(CancellationToken.None));
    }

    [Fact]
    public async Task After_a_start_nothing_is_settled_until_the_process_has_listened_for_a_whole_window()
    {
        // Reserved before the process went down, and past the window when it starts again.
        await Ledger.ReserveAsync(SendLedgerTests.Reservation("before-the-crash"));
        _db.Time.Advance(TimeSpan.FromMinutes(30));
        var settler = Settler(new SettlementOptions { Window = TimeSpan.FromMinutes(10), Policy = SendSettlement.Failed });

        _db.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await settler.SettleAsync(CancellationToken.None));

        // Then what was past the window is settled; a send reserved since the start waits a window of its own.
        await Ledger.ReserveAsync(SendLedgerTests.Reservation("after-the-start"));
        _db.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await settler.SettleAsync(CancellationToken.None));
        Assert.Equal(SettlementDecision.MarkFailed, (await Ledger.GetAsync("before-the-crash"))!.Settlement);
        Assert.Null((await Ledger.GetAsync("after-the-start"))!.Settlement);
    }

    private SendSettler Settler(SettlementOptions options) =>
        new(
            Ledger,
            new SendSettlements(UnreachableGrains.Create(), _db.Storage.Conversations, Options.Create(new ConversationOptions()), _db.Time, NullLogger.Instance),
            Options.Create(options),
            _db.Time,
            NullLogger<SendSettler>.Instance);

    /// <summary>An <see cref="IGrainFactory"/> whose every call fails, as when the silo is unavailable.</summary>
    public class UnreachableGrains : DispatchProxy
    {
        public static IGrainFactory Create() => Create<IGrainFactory, UnreachableGrains>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new InvalidOperationException("the silo is unavailable");
    }
}
