using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Workflows.Execution;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace JourneyPlugin.EndToEnd.Tests;

/// <summary><c>workflows/abandoned-cart.json</c>: a delay, a call to the shop's API, then a window-aware nudge.</summary>
public sealed class AbandonedCartJourneyTests : IAsyncLifetime, IAsyncDisposable
{
    private const string Journey = "abandoned-cart";
    private readonly JourneyTestHost _host = new();
    private readonly WireMockServer _shop = WireMockServer.Start();

    public AbandonedCartJourneyTests()
    {
        _shop.Given(Request.Create().WithPath("/carts/open").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"status":"open","items":1}"""));
        _shop.Given(Request.Create().WithPath("/carts/paid").UsingGet()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"status":"paid"}"""));
        _shop.Given(Request.Create().WithPath("/carts/gone").UsingGet()).RespondWith(Response.Create().WithStatusCode(404));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    // xunit v2 calls IAsyncLifetime.DisposeAsync, not IAsyncDisposable's.
    public async Task DisposeAsync()
    {
        _shop.Stop();
        _shop.Dispose();
        await _host.DisposeAsync();
    }

    private async Task StartAsync(string customerId, string phone, string cart)
    {
        var workflow = await _host.LoadAsync("abandoned-cart.json");
        await _host.StartAsync(
            workflow,
            customerId,
            new JsonObject { ["phone"] = phone, ["first_name"] = "Lan", ["cart_item"] = "the blue sneakers" },
            new Dictionary<string, JsonNode?> { ["cart_status_url"] = $"{_shop.Url}/carts/{cart}" });
    }

    [Fact]
    public async Task Outside_the_window_the_nudge_falls_back_to_the_cart_reminder_template_and_a_reply_gets_help()
    {
        await StartAsync("c1", "84912345671", "open");
        Assert.Empty(_host.ReceivedBy("84912345671"));

        await _host.AdvanceAsync(TimeSpan.FromHours(1));

        var nudge = Assert.Single(_host.ReceivedBy("84912345671"));
        Assert.Equal(SandboxMessageKind.Template, nudge.Kind);
        Assert.Equal("cart_reminder", nudge.TemplateName);
        Assert.Equal(["Lan", "the blue sneakers"], nudge.TemplatePlaceholders);
        Assert.Equal("open", _host.State(Journey, "c1").Variables["Cart"]!["status"]!.GetValue<string>());
        Assert.Single(_shop.LogEntries);

        await _host.Sandbox.PostInboundTextAsync("84912345671", "Do you have them in size 42?");
        await JourneyTestHost.WaitUntilAsync(() => _host.State(Journey, "c1").Status == WorkflowStatus.Finished, "the journey finished");

        var help = _host.ReceivedBy("84912345671")[^1];
        Assert.Equal("Thanks Lan! A colleague will answer \"Do you have them in size 42?\" shortly.", help.Text);
        Assert.Equal(SandboxDeliveryOutcome.Delivered, help.Outcome);
    }

    [Fact]
    public async Task Inside_the_window_the_nudge_is_a_free_form_text()
    {
        // The customer wrote to the shop an hour before the cart was abandoned.
        await _host.Sandbox.PostInboundTextAsync("84912345672", "Hi, is the shop open on Sunday?");
        await StartAsync("c2", "84912345672", "open");

        await _host.AdvanceAsync(TimeSpan.FromHours(1));

        var nudge = _host.ReceivedBy("84912345672").Single();
        Assert.Equal(SandboxMessageKind.Text, nudge.Kind);
        Assert.Equal("Hi Lan, your the blue sneakers is still in your cart: https://shop.example.com/cart", nudge.Text);
        Assert.Equal(SandboxDeliveryOutcome.Delivered, nudge.Outcome);

        // The early message was not taken for a reply to the nudge: it was held for a minute only.
        Assert.Equal(WorkflowStatus.Suspended, _host.State(Journey, "c2").Status);
    }

    [Theory]
    [InlineData("paid")]
    [InlineData("gone")]
    public async Task A_cart_that_is_paid_or_gone_ends_the_journey_without_a_message(string cart)
    {
        await StartAsync("c3", "84912345673", cart);

        await _host.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(WorkflowStatus.Finished, _host.State(Journey, "c3").Status);
        Assert.Empty(_host.ReceivedBy("84912345673"));
    }
}
