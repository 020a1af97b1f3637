using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Validation;

namespace JourneyPlugin.EndToEnd.Tests;

/// <summary>Every journey in <c>workflows/</c> is valid, checked against the sandbox's template catalogue, and round-trips byte for byte.</summary>
public sealed class WorkflowFilesTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly JourneyTestHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_three_example_journeys() => Assert.True(Files().Count >= 3);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_journey_is_valid(string file)
    {
        var definition = await WorkflowDefinition.LoadAsync(JourneyTestHost.WorkflowPath(file));

        var result = await _host.Validator.ValidateAsync(definition);

        Assert.True(result.Problems.Count == 0, string.Join(Environment.NewLine, result.Problems));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_journey_reads_and_writes_back_byte_for_byte(string file)
    {
        var text = await File.ReadAllTextAsync(JourneyTestHost.WorkflowPath(file));

        Assert.Equal(text, WorkflowDefinition.Parse(text, file).ToJson());
    }

    [Fact]
    public async Task A_misspelt_template_or_a_wrong_placeholder_count_is_caught_before_launch()
    {
        var definition = await WorkflowDefinition.LoadAsync(JourneyTestHost.WorkflowPath("welcome-offer.json"));
        var offer = definition.Root.Activities.Single(a => a.Name == "Send welcome offer");
        var reminder = definition.Root.Activities.Single(a => a.Name == "Send reminder");
        offer.SetInput("templateName", InputValue.Literal("welcome_offr"));
        reminder.SetInput("placeholders", InputValue.LiteralJson(new System.Text.Json.Nodes.JsonArray("{{ customer.first_name }}"), "List<String>"));

        var problems = (await _host.Validator.ValidateAsync(definition)).Problems;

        Assert.Contains(problems, p => p.JsonPath == $"{offer.JsonPath}.templateName"
            && p.Message.StartsWith("template 'welcome_offr' does not exist in connection 'sandbox'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.JsonPath == $"{reminder.JsonPath}.placeholders"
            && p.Message == "template 'offer_reminder' has 2 body placeholders; this step gives 1");
        Assert.All(problems, p => Assert.Equal(ValidationSeverity.Error, p.Severity));
    }

    [Fact]
    public async Task An_unknown_connection_and_a_pending_template_are_caught()
    {
        var definition = await WorkflowDefinition.LoadAsync(JourneyTestHost.WorkflowPath("welcome-offer.json"));
        var offer = definition.Root.Activities.Single(a => a.Name == "Send welcome offer");
        var reminder = definition.Root.Activities.Single(a => a.Name == "Send reminder");
        offer.SetInput("connection", InputValue.Literal("marketing"));
        reminder.SetInput("templateName", InputValue.Literal("spring_sale"));

        var problems = (await _host.Validator.ValidateAsync(definition)).Problems;

        Assert.Contains(problems, p => p.JsonPath == $"{offer.JsonPath}.connection" && p.Message == "there is no WhatsApp connection 'marketing'");
        Assert.Contains(problems, p => p.JsonPath == $"{reminder.JsonPath}.templateName" && p.Message.Contains("is PENDING, not approved", StringComparison.Ordinal));
    }
}
