using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Execution;

namespace JourneyPlugin.EndToEnd.Tests;

/// <summary>"Send Infobip WhatsApp" checks number, opt-out and the 24 hour window before any vendor call, and says why it failed.</summary>
public sealed class SendInfobipWhatsAppTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly JourneyTestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    /// <summary>Start → Send (configured by <paramref name="configure"/>), the step's outputs bound to variables.</summary>
    private async Task<WorkflowState> RunAsync(string phone, Action<ActivityNode> configure) =>
        await RunAsync(_host, Build(configure), phone);

    private static Task<WorkflowState> RunAsync(JourneyTestHost host, WorkflowDefinition definition, string phone) =>
        host.StartAsync(host.Load(definition), phone, new JsonObject { ["phone"] = phone, ["first_name"] = "Lan" });

    private static WorkflowDefinition Build(Action<ActivityNode> configure)
    {
        var definition = WorkflowDefinition.Create("send-test", "Send test");
        var status = definition.AddVariable("Status", "String");
        var reason = definition.AddVariable("Reason", "String");
        var start = definition.Root.AddActivity("Elsa.Start");
        var send = definition.Root.AddActivity("Journeys.SendInfobipWhatsApp");
        send.SetInput("connection", InputValue.Literal("sandbox"));
        send.SetOutput("status", new OutputBinding("String", status.Id));
        send.SetOutput("failureReason", new OutputBinding("String", reason.Id));
        configure(send);
        definition.Root.Connect(start.Id, "Done", send.Id);
        return definition;
    }

    private static void Text(ActivityNode send, string text)
    {
        send.SetInput("messageKind", InputValue.Literal("Text"));
        send.SetInput("text", InputValue.Scriban(text));
    }

    private static (string Outcome, string? Message, string Reason) Result(WorkflowState state)
    {
        var step = state.History.Single(h => h.ActivityType == "Journeys.SendInfobipWhatsApp");
        return (Assert.Single(step.Outcomes), step.Message, state.Variables["Reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Free_form_outside_the_window_without_fallback_fails_with_outside_window_and_sends_nothing()
    {
        var state = await RunAsync("84912345671", send => Text(send, "Hi {{ customer.first_name }}"));

        var (outcome, message, reason) = Result(state);
        Assert.Equal(("Failed", "OutsideWindow"), (outcome, reason));
        Assert.Contains("has not written in the last 24 hours", message, StringComparison.Ordinal);
        Assert.Empty(_host.Sandbox.AcceptedMessages);
    }

    [Fact]
    public async Task Free_form_inside_the_window_is_sent()
    {
        _host.Conversations.RecordInbound(_host.Sender, "84912345671", _host.Clock.GetUtcNow().AddHours(-23));

        var state = await RunAsync("84912345671", send => Text(send, "Hi {{ customer.first_name }}"));

        Assert.Equal("Sent", Result(state).Outcome);
        Assert.Equal("PENDING_ENROUTE", state.Variables["Status"]!.GetValue<string>());
        Assert.Equal("Hi Lan", Assert.Single(_host.Sandbox.AcceptedMessages).Text);
    }

    [Fact]
    public async Task An_opted_out_customer_gets_nothing()
    {
        _host.Conversations.SetOptedOut(_host.Sender, "84912345671", optedOut: true);

        var state = await RunAsync("84912345671", send =>
        {
            send.SetInput("templateName", InputValue.Literal("welcome_offer"));
            send.SetInput("placeholders", InputValue.LiteralJson(new JsonArray("a", "b"), "List<String>"));
        });

        Assert.Equal(("Failed", "OptedOut"), (Result(state).Outcome, Result(state).Reason));
        Assert.Empty(_host.Sandbox.AcceptedMessages);
    }

    [Fact]
    public async Task An_invalid_number_fails_with_invalid_number()
    {
        var state = await RunAsync("0912345678", send => Text(send, "Hi"));

        var (outcome, message, reason) = Result(state);
        Assert.Equal(("Failed", "InvalidNumber"), (outcome, reason));
        Assert.Contains("has no country code", message, StringComparison.Ordinal);
        Assert.Empty(_host.Sandbox.AcceptedMessages);
    }

    [Fact]
    public async Task A_template_that_breaks_a_limit_fails_the_step_with_template_error()
    {
        var state = await RunAsync("84912345671", send =>
        {
            send.SetInput("templateName", InputValue.Literal("welcome_offer"));
            send.SetInput("placeholders", InputValue.LiteralJson(new JsonArray("{{ while true }}x{{ end }}", "b"), "List<String>"));
        });

        var (outcome, message, reason) = Result(state);
        Assert.Equal(("Failed", "TemplateError"), (outcome, reason));
        Assert.Contains("loop iterations", message, StringComparison.Ordinal);
        Assert.Empty(_host.Sandbox.AcceptedMessages);
    }

    [Fact]
    public async Task The_vendors_refusal_is_a_failure_with_its_reason()
    {
        var state = await RunAsync("84912345671", send =>
        {
            send.SetInput("templateName", InputValue.Literal("spring_sale"));
            send.SetInput("placeholders", InputValue.LiteralJson(new JsonArray("20", "Sunday"), "List<String>"));
        });

        var (outcome, message, reason) = Result(state);
        Assert.Equal(("Failed", "VendorRejected"), (outcome, reason));
        Assert.Contains("content.templateName", message, StringComparison.Ordinal);
        Assert.Empty(_host.Sandbox.AcceptedMessages);
    }

    [Fact]
    public async Task A_template_with_a_document_header_and_a_dynamic_url_button_is_sent_as_infobip_wants_it()
    {
        var state = await RunAsync("84912345671", send =>
        {
            send.SetInput("templateName", InputValue.Literal("order_shipped"));
            send.SetInput("placeholders", InputValue.LiteralJson(new JsonArray("{{ customer.first_name }}", "A-1042"), "List<String>"));
            send.SetInput("mediaUrl", InputValue.Scriban("https://cdn.example.com/invoices/A-1042.pdf"));
            send.SetInput("filename", InputValue.Literal("invoice-A-1042.pdf"));
            send.SetInput("buttonParameters", InputValue.LiteralJson(new JsonArray("A-1042"), "List<String>"));
        });

        Assert.Equal("Sent", Result(state).Outcome);
        var sent = Assert.Single(_host.Sandbox.AcceptedMessages);
        var data = JsonNode.Parse(sent.RequestJson)!["content"]!["templateData"]!;
        Assert.Equal("""{"type":"DOCUMENT","mediaUrl":"https://cdn.example.com/invoices/A-1042.pdf","filename":"invoice-A-1042.pdf"}""", data["header"]!.ToJsonString());
        Assert.Equal("""[{"type":"URL","parameter":"A-1042"}]""", data["buttons"]!.ToJsonString());
        Assert.Equal(["Lan", "A-1042"], sent.TemplatePlaceholders);
    }

    [Fact]
    public async Task Validation_asks_for_the_media_and_button_values_a_template_needs()
    {
        var definition = Build(send =>
        {
            send.SetInput("templateName", InputValue.Literal("order_shipped"));
            send.SetInput("placeholders", InputValue.LiteralJson(new JsonArray("a", "b"), "List<String>"));
        });

        var problems = (await _host.Validator.ValidateAsync(definition)).Problems;

        Assert.Contains(problems, p => p.JsonPath.EndsWith(".mediaUrl", StringComparison.Ordinal) && p.Message == "template 'order_shipped' has a media header; give its media URL");
        Assert.Contains(problems, p => p.JsonPath.EndsWith(".buttonParameters", StringComparison.Ordinal)
            && p.Message == "template 'order_shipped' has 1 dynamic URL or copy-code buttons; this step gives 0 button values");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_media_url_cleared_to_blank_is_missing_too(string blank)
    {
        var definition = Build(send =>
        {
            send.SetInput("templateName", InputValue.Literal("order_shipped"));
            send.SetInput("placeholders", InputValue.LiteralJson(new JsonArray("a", "b"), "List<String>"));
            send.SetInput("mediaUrl", InputValue.Literal(blank));
        });

        var problems = (await _host.Validator.ValidateAsync(definition)).Problems;

        Assert.Contains(problems, p => p.JsonPath.EndsWith(".mediaUrl", StringComparison.Ordinal) && p.Message == "template 'order_shipped' has a media header; give its media URL");
    }

    [Fact]
    public async Task A_step_run_again_for_the_same_instance_uses_the_same_message_id_and_another_customer_another()
    {
        await using var again = new JourneyTestHost();
        foreach (var host in new[] { _host, again })
        {
            host.Conversations.RecordInbound(host.Sender, "84912345671", host.Clock.GetUtcNow());
            host.Conversations.RecordInbound(host.Sender, "84912345672", host.Clock.GetUtcNow());
        }

        var definition = Build(send => Text(send, "Hi"));
        await RunAsync(_host, definition, "84912345671");
        await RunAsync(_host, definition, "84912345672");
        await RunAsync(again, WorkflowDefinition.Parse(definition.ToJson()), "84912345671");

        var first = _host.ReceivedBy("84912345671").Single().MessageId;
        Assert.Equal(first, again.ReceivedBy("84912345671").Single().MessageId);
        Assert.NotEqual(first, _host.ReceivedBy("84912345672").Single().MessageId);
    }
}
