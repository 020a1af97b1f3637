using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Infobip.Sandbox.DryRun;
using JourneyPlugin.WhatsApp.Conversations;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;
using JourneyPlugin.Workflows.Validation;
using WireMock.Server;

namespace JourneyPlugin.EndToEnd.Tests;

/// <summary>
/// Journeys running in memory against the Infobip sandbox (the product's <see cref="SandboxJourneyHost"/>,
/// which the command line's dry run uses too), with the journeys of <c>workflows/</c> and a bounded wait for tests.
/// </summary>
internal sealed class JourneyTestHost(IReadOnlyList<SandboxReplyRule>? replyRules = null) : IAsyncDisposable
{
    public const string ApiKey = SandboxJourneyHost.ApiKey;

    private readonly SandboxJourneyHost _host = new(replyRules);

    public ManualClock Clock => _host.Clock;

    public InfobipSandbox Sandbox => _host.Sandbox;

    public WireMockServer Webhooks => _host.Webhooks;

    public WorkflowRunner Runner => _host.Runner;

    public WorkflowValidator Validator => _host.Validator;

    public InMemoryConversationStore Conversations => _host.Conversations;

    public string Sender => _host.Sender;

    public static string WorkflowPath(string name) => Path.Combine(AppContext.BaseDirectory, "workflows", name);

    public async Task<Workflow> LoadAsync(string name) => Load(await WorkflowDefinition.LoadAsync(WorkflowPath(name)));

    public Workflow Load(WorkflowDefinition definition) => _host.Load(definition);

    public Task<WorkflowState> StartAsync(Workflow workflow, string customerId, JsonObject customer, IReadOnlyDictionary<string, JsonNode?>? input = null) =>
        _host.StartAsync(workflow, customerId, customer, input);

    /// <summary>Moves the clock on and fires every due timer, as the runtime's timeout scanner would.</summary>
    public Task AdvanceAsync(TimeSpan by) => _host.AdvanceAsync(by);

    public WorkflowState State(string definitionId, string customerId) => _host.State(definitionId, customerId);

    public IReadOnlyList<SandboxMessage> ReceivedBy(string customer) => _host.ReceivedBy(customer);

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds, e.g. until a simulated reply has been handled.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), $"Timed out waiting until {what}.");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
