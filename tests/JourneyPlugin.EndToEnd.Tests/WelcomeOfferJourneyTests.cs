using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Workflows.Execution;

namespace JourneyPlugin.EndToEnd.Tests;

/// <summary><c>workflows/welcome-offer.json</c> end to end against the sandbox, with scripted replies.</summary>
public sealed class WelcomeOfferJourneyTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Journey = "welcome-offer";

    private readonly JourneyTestHost _host = new(
    [
        new SandboxReplyRule("Yes please") { TemplateName = "welcome_offer", LastDigits = [1, 2, 3], ButtonPayload = "Yes please", Delay = TimeSpan.FromMilliseconds(50) },
        new SandboxReplyRule("no thanks ") { TemplateName = "welcome_offer", LastDigits = [6, 7], Delay = TimeSpan.FromMilliseconds(50) },
    ]);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private static JsonObject Customer(string phone, string name) => new() { ["phone"] = phone, ["first_name"] = name, ["promo_code"] = "WELCOME15" };

    [Fact]
    public async Task A_customer_who_taps_yes_gets_the_deals_as_a_free_form_message()
    {
        var workflow = await _host.LoadAsync("welcome-offer.json");

        await _host.StartAsync(workflow, "c1", Customer("+84 912 345 671", "Lan"));
        await JourneyTestHost.WaitUntilAsync(() => _host.State(Journey, "c1").Status == WorkflowStatus.Finished, "the journey finished");

        var received = _host.ReceivedBy("84912345671");
        Assert.Equal(2, received.Count);
        Assert.Equal(SandboxMessageKind.Template, received[0].Kind);
        Assert.Equal("welcome_offer", received[0].TemplateName);
        Assert.Equal(["Lan", "WELCOME15"], received[0].TemplatePlaceholders);
        Assert.Equal(SandboxMessageKind.Text, received[1].Kind);
        Assert.Equal("Great, Lan! Here are this week's deals: https://shop.example.com/deals?code=WELCOME15", received[1].Text);
        Assert.Equal(SandboxDeliveryOutcome.Delivered, received[1].Outcome);

        var state = _host.State(Journey, "c1");
        Assert.Equal("Yes please", state.Variables["Answer"]!.GetValue<string>());
        Assert.Equal(received[0].MessageId, state.Variables["OfferMessageId"]!.GetValue<string>());
        Assert.Equal(["Send welcome offer", "Wait for answer", "Send deals", "End"], state.History.Where(h => h.Outcomes.Count > 0).Skip(1).Select(h => workflow.Activities[h.ActivityId].Node.Name));
    }

    [Fact]
    public async Task A_customer_who_says_no_thanks_gets_the_polite_answer_matched_ignoring_case_and_spaces()
    {
        var workflow = await _host.LoadAsync("welcome-offer.json");

        await _host.StartAsync(workflow, "c6", Customer("84912345676", "Minh"));
        await JourneyTestHost.WaitUntilAsync(() => _host.State(Journey, "c6").Status == WorkflowStatus.Finished, "the journey finished");

        var received = _host.ReceivedBy("84912345676");
        Assert.Equal("No problem, Minh. Your code WELCOME15 stays valid for 30 days.", received[^1].Text);
        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task A_silent_customer_gets_the_reminder_after_two_days_and_can_still_say_yes()
    {
        var workflow = await _host.LoadAsync("welcome-offer.json");
        await _host.StartAsync(workflow, "c9", Customer("84912345679", "Hoa"));
        Assert.Equal(WorkflowStatus.Suspended, _host.State(Journey, "c9").Status);

        await _host.AdvanceAsync(TimeSpan.FromHours(47));
        Assert.Single(_host.ReceivedBy("84912345679"));

        await _host.AdvanceAsync(TimeSpan.FromHours(1));
        var afterTimeout = _host.ReceivedBy("84912345679");
        Assert.Equal(2, afterTimeout.Count);
        Assert.Equal("offer_reminder", afterTimeout[1].TemplateName);

        await _host.Sandbox.PostInboundTextAsync("84912345679", "yes");
        await JourneyTestHost.WaitUntilAsync(() => _host.State(Journey, "c9").Status == WorkflowStatus.Finished, "the journey finished");

        var received = _host.ReceivedBy("84912345679");
        Assert.Equal(3, received.Count);
        Assert.StartsWith("Great, Hoa!", received[2].Text, StringComparison.Ordinal);
        Assert.Equal(SandboxDeliveryOutcome.Delivered, received[2].Outcome);
    }

    [Fact]
    public async Task A_reply_that_arrives_just_before_the_wait_exists_is_held_and_delivered_to_it()
    {
        var workflow = await _host.LoadAsync("welcome-offer.json");

        // The customer taps "No thanks" on an earlier copy of the offer moments before this journey reaches its wait.
        await _host.Sandbox.PostInboundTextAsync("84912345678", "No thanks");
        await _host.StartAsync(workflow, "c8", Customer("84912345678", "Tuan"));

        Assert.Equal(WorkflowStatus.Finished, _host.State(Journey, "c8").Status);
        Assert.Equal("No problem, Tuan. Your code WELCOME15 stays valid for 30 days.", _host.ReceivedBy("84912345678")[^1].Text);
    }

    [Fact]
    public async Task Many_customers_run_side_by_side_and_each_gets_exactly_their_messages()
    {
        var workflow = await _host.LoadAsync("welcome-offer.json");
        var phones = Enumerable.Range(0, 20).Select(i => $"849123450{i:00}").ToList();

        foreach (var phone in phones)
        {
            await _host.StartAsync(workflow, phone, Customer(phone, "Guest"));
        }

        await JourneyTestHost.WaitUntilAsync(
            () => phones.All(p => _host.State(Journey, p).Status == WorkflowStatus.Finished || (p[^1] is not ('1' or '2' or '3' or '6' or '7'))),
            "every customer with a reply rule finished");
        foreach (var phone in phones)
        {
            var expected = phone[^1] switch
            {
                '1' or '2' or '3' or '6' or '7' => 2,
                _ => 1,
            };
            Assert.Equal(expected, _host.ReceivedBy(phone).Count);
        }
    }
}
