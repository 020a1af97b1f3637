using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Delivery;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.WhatsApp.Activities;
using JourneyPlugin.WhatsApp.Messaging;
using Microsoft.Extensions.DependencyInjection;
using WireMock.Server;

namespace JourneyPlugin.EndToEnd.Tests.Runtime;

/// <summary>A send whose answer is lost is settled by evidence, or by the policy after the window; never guessed.</summary>
public sealed class SettlementTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly RuntimeTestBed _bed = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _bed.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private async Task<string> StartWelcomeAsync(bool reports, Action<SettlementOptions> settlement, string phone)
    {
        _bed.StartSandbox(reports, o =>
        {
            o.LostResponseHold = TimeSpan.FromSeconds(6);
            o.ReplyRules = [new SandboxReplyRule("Yes please") { TemplateName = "welcome_offer", LastDigits = [1], ButtonPayload = "Yes please", Delay = TimeSpan.FromMilliseconds(50) }];
        });
        var runtime = await _bed.StartRuntimeAsync(settlement: settlement);
        _bed.Sandbox.Faults.AddLostResponses(1);

        var instanceId = JourneyStartRequest.InstanceIdFor("welcome-offer", null, phone);
        var started = await runtime.Grains.GetGrain<IJourneyInstanceGrain>(instanceId).StartAsync(new JourneyStartRequest
        {
            DefinitionId = "welcome-offer",
            CustomerKey = phone,
            CustomerJson = new JsonObject { ["phone"] = phone, ["first_name"] = "Lan", ["promo_code"] = "WELCOME15" }.ToJsonString(),
        });
        Assert.Equal("Suspended", started.Status);
        return instanceId;
    }

    [Fact]
    public async Task A_delivery_report_for_the_lost_send_settles_it_and_the_journey_goes_on_with_one_message()
    {
        var id = await StartWelcomeAsync(reports: true, o => o.Window = TimeSpan.FromMinutes(10), "84912345671");

        await _bed.Runtime!.WaitForStatusAsync(id, "Finished");

        var received = _bed.Sandbox.AcceptedMessages.Where(m => m.To == "84912345671").ToList();
        Assert.Equal(["welcome_offer", null], received.Select(m => m.TemplateName));
        Assert.StartsWith("Great, Lan!", received[1].Text, StringComparison.Ordinal);
        Assert.Equal(LedgerSendState.Accepted, (await _bed.Runtime!.Ledger.GetAsync(received[0].MessageId))!.SendState);
    }

    [Fact]
    public async Task A_report_that_settles_a_campaign_send_before_its_batch_saved_the_wait_is_held_for_the_wait()
    {
        // The batch's send times out (2 s) after the sandbox accepted it and posted its reports: the
        // journey is told it was accepted before the wait for that news is stored.
        _bed.StartSandbox(reports: true, o =>
        {
            o.LostResponseHold = TimeSpan.FromSeconds(6);
            o.ReplyRules = [new SandboxReplyRule("Yes please") { TemplateName = "welcome_offer", LastDigits = [1], ButtonPayload = "Yes please", Delay = TimeSpan.FromMilliseconds(50) }];
        });
        var runtime = await _bed.StartRuntimeAsync(settlement: o => o.Window = TimeSpan.FromMinutes(10));
        _bed.Sandbox.Faults.AddLostResponses(1);
        Directory.CreateDirectory(_bed.DataDirectory);
        var audience = Path.Combine(_bed.DataDirectory, "audience.csv");
        await File.WriteAllTextAsync(audience, "customer_id,phone,first_name,promo_code\nc1,84912345671,Lan,WELCOME15\n");

        await runtime.Grains.GetGrain<ICampaignRunGrain>("lost").StartAsync(new CampaignStartRequest { DefinitionId = "welcome-offer", Name = "Lost", AudiencePath = audience });

        // Accepted by evidence, then the customer's answer: the second message, and the end.
        await runtime.WaitForStatusAsync(JourneyStartRequest.InstanceIdFor("welcome-offer", "lost", "c1"), "Finished");
        Assert.Equal(["welcome_offer", null], _bed.Sandbox.AcceptedMessages.Select(m => m.TemplateName));
    }

    [Fact]
    public async Task Evidence_recorded_by_a_process_that_died_before_telling_the_journey_reaches_it_when_the_report_comes_again()
    {
        var id = await StartWelcomeAsync(reports: false, o => o.Window = TimeSpan.FromMinutes(10), "84912345671");
        var messageId = _bed.Sandbox.AcceptedMessages.Single(m => m.To == "84912345671").MessageId;

        // What a kill right after the ledger's commit leaves: the evidence recorded, the journey not told.
        var report = new WhatsAppDeliveryReport(messageId, WhatsAppDeliveryStatus.Delivered, DateTimeOffset.UtcNow);
        await _bed.Runtime!.Ledger.ApplyDeliveryReportsAsync([new DeliveryReport(messageId, DeliveryStatus.Delivered, report.At)]);
        await Task.Delay(300);
        Assert.Equal("Suspended", (await _bed.Runtime!.Grains.GetGrain<IJourneyInstanceGrain>(id).GetAsync())!.Status);

        // The webhook comes again (the vendor's retry, or the inbox after the restart).
        var again = await _bed.Runtime!.Services.GetRequiredService<DeliveryReportProcessor>().ProcessAsync([report]);

        Assert.False(Assert.Single(again).SettledByEvidence);
        await _bed.Runtime!.WaitForStatusAsync(id, "Finished");
        Assert.Equal(2, _bed.Sandbox.AcceptedMessages.Count(m => m.To == "84912345671"));
    }

    [Fact]
    public async Task Without_evidence_the_default_policy_resends_with_the_same_message_id()
    {
        var id = await StartWelcomeAsync(reports: false, o => { o.Window = TimeSpan.FromSeconds(1); o.ScanInterval = TimeSpan.FromMilliseconds(200); }, "84912345679");

        await JourneyTestHost.WaitUntilAsync(() => _bed.Sandbox.AcceptedMessages.Count == 2, "the send was repeated");
        var sent = _bed.Sandbox.AcceptedMessages;
        Assert.Equal(sent[0].MessageId, sent[1].MessageId);
        await JourneyTestHost.WaitUntilAsync(() => _bed.Runtime!.Ledger.GetAsync(sent[0].MessageId).Result?.SendState == LedgerSendState.Accepted, "the resend was accepted");
        Assert.Equal([SettlementDecision.ResendSameMessageId], (await _bed.Runtime!.Ledger.GetSettlementsAsync(sent[0].MessageId)).Select(s => s.Decision));

        // The journey went on to wait for the customer's answer.
        var state = await _bed.Runtime!.WaitForStatusAsync(id, "Suspended");
        Assert.NotNull(state!.NextDueAt);
    }

    [Fact]
    public async Task Without_evidence_a_give_up_policy_fails_the_step_and_sends_nothing_more()
    {
        var id = await StartWelcomeAsync(reports: false, o => { o.Window = TimeSpan.FromSeconds(1); o.ScanInterval = TimeSpan.FromMilliseconds(200); o.Policy = SendSettlement.Failed; }, "84912345678");

        await _bed.Runtime!.WaitForStatusAsync(id, "Finished");

        Assert.Single(_bed.Sandbox.AcceptedMessages);
        var stored = System.Text.Json.JsonSerializer.Deserialize<Workflows.Execution.WorkflowState>((await _bed.Runtime!.Instances.GetAsync(id))!.StateJson)!;
        Assert.Equal("OutcomeUnknown", stored.Outputs.Values.First(o => o.ContainsKey("failureReason"))["failureReason"]!.GetValue<string>());
    }
}
