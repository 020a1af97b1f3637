using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Gateway;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Infobip.Webhooks;
using JourneyPlugin.WhatsApp.Activities;
using JourneyPlugin.WhatsApp.Conversations;
using JourneyPlugin.WhatsApp.Messaging;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;
using JourneyPlugin.Workflows.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace JourneyPlugin.EndToEnd.Tests;

/// <summary>
/// Journeys running in memory against the Infobip sandbox: the real client, gateway, activities and
/// interpreter; the sandbox's inbound webhooks resume waiting instances; a fake clock fires timeouts.
/// </summary>
internal sealed class JourneyTestHost : IAsyncDisposable
{
    public const string ApiKey = "e2e-api-key";

    // A reply that finds no waiting instance is kept this long in case the wait is about to appear.
    private static readonly TimeSpan HoldRepliesFor = TimeSpan.FromMinutes(1);

    private readonly ServiceProvider _provider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (Workflow Workflow, WorkflowState State)> _instances = [];
    private readonly List<(WhatsAppInboundMessage Reply, DateTimeOffset HeldAt)> _held = [];

    public JourneyTestHost(IReadOnlyList<SandboxReplyRule>? replyRules = null)
    {
        Webhooks = WireMockServer.Start();
        Webhooks.Given(Request.Create().WithPath("/inbound").UsingPost()).RespondWith(Response.Create().WithCallback(async request =>
        {
            foreach (var message in InfobipWebhookParser.ParseInboundMessages(request.BodyAsBytes).Results)
            {
                await OnInboundAsync(message.ToWhatsAppMessage());
            }

            return new WireMock.ResponseMessage { StatusCode = 200 };
        }));
        Webhooks.Given(Request.Create().WithPath("/reports").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));

        Sandbox = InfobipSandbox.Start(new InfobipSandboxOptions
        {
            ApiKey = ApiKey,
            InboundMessageUrl = new Uri($"{Webhooks.Url}/inbound"),
            DeliveryReportUrl = new Uri($"{Webhooks.Url}/reports"),
            DeliveredAfter = TimeSpan.FromMilliseconds(20),
            SeenAfter = TimeSpan.FromMilliseconds(40),
            WebhookBatchWindow = TimeSpan.FromMilliseconds(10),
            ReplyRules = replyRules ?? [],
        });

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddJourneyPlugin(j => j.AddInfobip("sandbox", o =>
        {
            o.ApiKey = ApiKey;
            o.BaseUrl = Sandbox.BaseUrl.ToString();
            o.Sender = Sandbox.Senders[0];
            o.MessagesPerSecond = null;
        }));
        _provider = services.BuildServiceProvider();
        Runner = _provider.GetRequiredService<WorkflowRunner>();
        Validator = _provider.GetRequiredService<WorkflowValidator>();
        Conversations = _provider.GetRequiredService<InMemoryConversationStore>();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public InfobipSandbox Sandbox { get; }

    public WireMockServer Webhooks { get; }

    public WorkflowRunner Runner { get; }

    public WorkflowValidator Validator { get; }

    public InMemoryConversationStore Conversations { get; }

    public string Sender => Sandbox.Senders[0];

    public static string WorkflowPath(string name) => Path.Combine(AppContext.BaseDirectory, "workflows", name);

    public async Task<Workflow> LoadAsync(string name) => Load(await WorkflowDefinition.LoadAsync(WorkflowPath(name)));

    public Workflow Load(WorkflowDefinition definition) => _provider.GetRequiredService<WorkflowLoader>().Load(definition);

    public async Task<WorkflowState> StartAsync(Workflow workflow, string customerId, JsonObject customer, IReadOnlyDictionary<string, JsonNode?>? input = null)
    {
        await _gate.WaitAsync();
        try
        {
            var state = await Runner.StartAsync(workflow, new WorkflowStartRequest { InstanceId = $"{workflow.DefinitionId}/{customerId}", CorrelationId = customerId, Customer = customer, Input = input });
            _instances[state.InstanceId] = (workflow, state);
            await DeliverHeldAsync();
            return state;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Moves the clock on and fires every due timer, as the runtime's timeout scanner would.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await _gate.WaitAsync();
        try
        {
            foreach (var (workflow, state) in _instances.Values)
            {
                await Runner.ResumeDueAsync(workflow, state);
            }

            await DeliverHeldAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public WorkflowState State(string definitionId, string customerId) => _instances[$"{definitionId}/{customerId}"].State;

    public IReadOnlyList<SandboxMessage> ReceivedBy(string customer) => Sandbox.AcceptedMessages.Where(m => m.To == customer).ToList();

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds, e.g. until a simulated reply has been handled.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), $"Timed out waiting until {what}.");
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        Webhooks.Stop();
        Webhooks.Dispose();
        await _provider.DisposeAsync();
        _gate.Dispose();
    }

    private async Task OnInboundAsync(WhatsAppInboundMessage reply)
    {
        await _gate.WaitAsync();
        try
        {
            Conversations.RecordInbound(reply.Sender, reply.Customer, Clock.GetUtcNow());
            if (!await ResumeAsync(reply))
            {
                _held.Add((reply, Clock.GetUtcNow()));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DeliverHeldAsync()
    {
        _held.RemoveAll(h => Clock.GetUtcNow() - h.HeldAt > HoldRepliesFor);
        foreach (var held in _held.ToList())
        {
            if (await ResumeAsync(held.Reply))
            {
                _held.Remove(held);
            }
        }
    }

    private async Task<bool> ResumeAsync(WhatsAppInboundMessage reply)
    {
        var input = new Dictionary<string, JsonNode?> { [WaitForUserReply.ReplyInputKey] = ValueConverter.ToJson(reply) };
        var stimulus = new UserReplyStimulus(reply.Sender, reply.Customer);
        var resumed = 0;
        foreach (var (workflow, state) in _instances.Values)
        {
            resumed += await Runner.ResumeByStimulusAsync(workflow, state, WaitForUserReply.StimulusName, stimulus, input);
        }

        return resumed > 0;
    }
}
