using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.WhatsApp.Messaging;
using WireMock.Server;

namespace JourneyPlugin.EndToEnd.Tests.Runtime;

/// <summary>The send ledger in front of the vendor: a message id is sent once, whatever happens to the answer.</summary>
public sealed class SendLedgerTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly RuntimeTestBed _bed = new();

    public SendLedgerTests() => _bed.StartSandbox(reports: false, o => o.LostResponseHold = TimeSpan.FromSeconds(6));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _bed.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private static WhatsAppOutboundMessage Offer(string messageId) => new()
    {
        Kind = WhatsAppMessageKind.Template,
        To = "84912345671",
        MessageId = messageId,
        TemplateName = "welcome_offer",
        Language = "en",
        Placeholders = ["Lan", "WELCOME15"],
        InstanceId = "run-1/84912345671",
        RunId = "run-1",
        ActivityId = "send-offer",
    };

    [Fact]
    public async Task An_accepted_message_is_not_sent_again()
    {
        var runtime = await _bed.StartRuntimeAsync();

        var first = await runtime.Gateway.SendAsync("sandbox", Offer("m-accepted"));
        var second = await runtime.Gateway.SendAsync("sandbox", Offer("m-accepted"));

        Assert.Equal((WhatsAppSendStatus.Sent, WhatsAppSendStatus.Sent), (first.Status, second.Status));
        Assert.Single(_bed.Sandbox.AcceptedMessages);
        var entry = await runtime.Ledger.GetAsync("m-accepted");
        Assert.Equal((LedgerSendState.Accepted, "run-1", "send-offer"), (entry!.SendState, entry.RunId, entry.ActivityId));
    }

    [Fact]
    public async Task A_lost_answer_is_recorded_as_unknown_and_the_message_is_not_sent_again()
    {
        var runtime = await _bed.StartRuntimeAsync();
        _bed.Sandbox.Faults.AddLostResponses(1);

        var first = await runtime.Gateway.SendAsync("sandbox", Offer("m-lost"));
        var second = await runtime.Gateway.SendAsync("sandbox", Offer("m-lost"));

        Assert.Equal((WhatsAppSendStatus.Unknown, WhatsAppSendStatus.Unknown), (first.Status, second.Status));
        Assert.Equal(WhatsAppFailureReason.OutcomeUnknown, second.FailureReason);
        Assert.Equal(LedgerSendState.Unknown, (await runtime.Ledger.GetAsync("m-lost"))!.SendState);

        // The customer got it exactly once: the first attempt was accepted even though its answer was lost.
        Assert.Single(_bed.Sandbox.AcceptedMessages, m => m.MessageId == "m-lost");
    }

    [Fact]
    public async Task A_message_the_vendor_provably_refused_may_be_sent_again()
    {
        var runtime = await _bed.StartRuntimeAsync();
        _bed.Sandbox.Faults.AddServerErrors(4, 503);

        var refused = await runtime.Gateway.SendAsync("sandbox", Offer("m-retry"));
        var retried = await runtime.Gateway.SendAsync("sandbox", Offer("m-retry"));

        Assert.Equal((WhatsAppSendStatus.Failed, WhatsAppSendStatus.Sent), (refused.Status, retried.Status));
        Assert.Single(_bed.Sandbox.AcceptedMessages);
        Assert.Equal(LedgerSendState.Accepted, (await runtime.Ledger.GetAsync("m-retry"))!.SendState);
    }

    [Fact]
    public async Task The_ledger_survives_a_restart()
    {
        var runtime = await _bed.StartRuntimeAsync();
        await runtime.Gateway.SendAsync("sandbox", Offer("m-restart"));
        await _bed.StopRuntimeAsync();
        runtime = await _bed.StartRuntimeAsync();

        var again = await runtime.Gateway.SendAsync("sandbox", Offer("m-restart"));

        Assert.Equal(WhatsAppSendStatus.Sent, again.Status);
        Assert.Single(_bed.Sandbox.AcceptedMessages);
    }
}
