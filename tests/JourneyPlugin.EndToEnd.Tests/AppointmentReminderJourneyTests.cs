using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Workflows.Execution;

namespace JourneyPlugin.EndToEnd.Tests;

/// <summary><c>workflows/appointment-reminder.json</c>: confirm on YES, offer call-back slots with buttons on NO.</summary>
public sealed class AppointmentReminderJourneyTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Journey = "appointment-reminder";

    private readonly JourneyTestHost _host = new(
    [
        new SandboxReplyRule("YES") { TemplateName = "appointment_reminder", LastDigits = [2], Delay = TimeSpan.FromMilliseconds(30) },
        new SandboxReplyRule("No") { TemplateName = "appointment_reminder", LastDigits = [4], Delay = TimeSpan.FromMilliseconds(30) },
    ]);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private async Task StartAsync(string phone)
    {
        var workflow = await _host.LoadAsync("appointment-reminder.json");
        await _host.StartAsync(workflow, phone, new JsonObject { ["phone"] = phone, ["first_name"] = "An", ["appointment_date"] = "2 December", ["appointment_time"] = "10:30" });
    }

    [Fact]
    public async Task Yes_confirms_the_appointment()
    {
        await StartAsync("447911123402");
        await JourneyTestHost.WaitUntilAsync(() => _host.State(Journey, "447911123402").Status == WorkflowStatus.Finished, "the journey finished");

        var received = _host.ReceivedBy("447911123402");
        Assert.Equal(("appointment_reminder", "en_GB"), (received[0].TemplateName, received[0].TemplateLanguage));
        Assert.Equal(["An", "2 December", "10:30"], received[0].TemplatePlaceholders);
        Assert.Equal("Thank you An, see you on 2 December at 10:30.", received[1].Text);
        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task No_offers_slots_as_buttons_and_the_chosen_slot_is_confirmed()
    {
        await StartAsync("447911123404");
        await JourneyTestHost.WaitUntilAsync(() => _host.ReceivedBy("447911123404").Count == 2, "the slots were offered");

        var slots = _host.ReceivedBy("447911123404")[1];
        Assert.Equal(SandboxMessageKind.InteractiveButtons, slots.Kind);
        var buttons = JsonNode.Parse(slots.RequestJson)!["content"]!["action"]!["buttons"]!.AsArray().Select(b => b!["title"]!.GetValue<string>());
        Assert.Equal(["Morning", "Afternoon"], buttons);

        await _host.Sandbox.PostInboundTextAsync("447911123404", "Afternoon");
        await JourneyTestHost.WaitUntilAsync(() => _host.State(Journey, "447911123404").Status == WorkflowStatus.Finished, "the journey finished");

        Assert.Equal("Thanks! We will call you in the afternoon.", _host.ReceivedBy("447911123404")[^1].Text);
        Assert.Equal("Afternoon", _host.State(Journey, "447911123404").Variables["Slot"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_answer_within_a_day_ends_the_journey_quietly()
    {
        await StartAsync("447911123408");

        await _host.AdvanceAsync(TimeSpan.FromHours(24));

        var state = _host.State(Journey, "447911123408");
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(["Timeout"], state.History.Single(h => h.ActivityType == "Journeys.WaitForUserReply" && h.Outcomes.Count > 0).Outcomes);
        Assert.Single(_host.ReceivedBy("447911123408"));
    }
}
