using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Gateway;
using JourneyPlugin.Infobip.Webhooks;
using JourneyPlugin.WhatsApp.Activities;
using JourneyPlugin.WhatsApp.Conversations;
using JourneyPlugin.WhatsApp.Messaging;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;
using JourneyPlugin.Workflows.Validation;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace JourneyPlugin.Infobip.Sandbox.DryRun;

/// <summary>
/// Journeys running in memory against an Infobip sandbox, for dry runs and tests: the real Infobip
/// client, gateway, activities and interpreter; the sandbox's inbound webhooks resume waiting
/// instances; a <see cref="ManualClock"/> fires timeouts when it is moved on.
/// </summary>
/// <remarks>
/// No durable runtime: instances live in this object and there is no send ledger. One instance per
/// journey and customer id.
/// </remarks>
public sealed class SandboxJourneyHost : IAsyncDisposable
{
    /// <summary>The name of the connection to the sandbox that journeys use.</summary>
    public const string ConnectionName = "sandbox";

    /// <summary>The API key of the sandbox.</summary>
    public const string ApiKey = "dry-run-api-key";

    // A reply that finds no waiting instance is kept this long in case the wait is about to appear.
    private static readonly TimeSpan HoldRepliesFor = TimeSpan.FromMinutes(1);

    private readonly ServiceProvider _provider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (Workflow Workflow, WorkflowState State)> _instances = new(StringComparer.Ordinal);
    private readonly List<(WhatsAppInboundMessage Reply, DateTimeOffset HeldAt)> _held = [];

    /// <summary>Starts the sandbox and the webhook receiver.</summary>
    /// <param name="replyRules">How the sandbox's simulated customers answer on their own.</param>
    /// <param name="start">The simulated time the clock starts at.</param>
    /// <param name="listener">Told after every step of every instance, e.g. to print a customer's path.</param>
    public SandboxJourneyHost(IReadOnlyList<SandboxReplyRule>? replyRules = null, DateTimeOffset? start = null, IWorkflowStepListener? listener = null)
    {
        Clock = new ManualClock(start ?? new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        Listener = listener;
        Webhooks = WireMockServer.Start();
        Webhooks.Given(Request.Create().WithPath("/inbound").UsingPost()).RespondWith(Response.Create().WithCallback(async request =>
        {
            foreach (var message in InfobipWebhookParser.ParseInboundMessages(request.BodyAsBytes).Results)
            {
                await OnInboundAsync(message.ToWhatsAppMessage()).ConfigureAwait(false);
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
        services.AddJourneyPlugin(j => j.AddInfobip(ConnectionName, o =>
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

    /// <summary>The simulated clock the journeys see.</summary>
    public ManualClock Clock { get; }

    /// <summary>The sandbox standing in for Infobip.</summary>
    public InfobipSandbox Sandbox { get; }

    /// <summary>Receives the sandbox's webhooks.</summary>
    public WireMockServer Webhooks { get; }

    /// <summary>The interpreter.</summary>
    public WorkflowRunner Runner { get; }

    /// <summary>The validator, with the sandbox's template catalogue behind the connection <see cref="ConnectionName"/>.</summary>
    public WorkflowValidator Validator { get; }

    /// <summary>The 24 h windows and opt-outs the journeys see.</summary>
    public InMemoryConversationStore Conversations { get; }

    /// <summary>The sandbox's sender number.</summary>
    public string Sender => Sandbox.Senders[0];

    /// <summary>Told after every step, if set.</summary>
    public IWorkflowStepListener? Listener { get; }

    /// <summary>The instances started, by instance id.</summary>
    public IReadOnlyCollection<WorkflowState> Instances => _instances.Values.Select(i => i.State).ToList();

    /// <summary>Loads <paramref name="definition"/> with this host's activities.</summary>
    public Workflow Load(WorkflowDefinition definition) => _provider.GetRequiredService<WorkflowLoader>().Load(definition);

    /// <summary>The instance id of <paramref name="customerId"/> in journey <paramref name="definitionId"/>.</summary>
    public static string InstanceIdOf(string definitionId, string customerId) => $"{definitionId}/{customerId}";

    /// <summary>Starts <paramref name="workflow"/> for a customer and runs it until it waits or ends.</summary>
    public async Task<WorkflowState> StartAsync(Workflow workflow, string customerId, JsonObject customer, IReadOnlyDictionary<string, JsonNode?>? input = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var request = new WorkflowStartRequest { InstanceId = InstanceIdOf(workflow.DefinitionId, customerId), CorrelationId = customerId, Customer = customer, Input = input };
            var state = Runner.CreateInstance(workflow, request);
            _instances[state.InstanceId] = (workflow, state);
            await Runner.RunAsync(workflow, state, Listener, cancellationToken).ConfigureAwait(false);
            await DeliverHeldAsync(cancellationToken).ConfigureAwait(false);
            return state;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Moves the clock on and fires every due timer, as the runtime's timeout scanner would.</summary>
    public Task AdvanceAsync(TimeSpan by, CancellationToken cancellationToken = default) => AdvanceToAsync(Clock.GetUtcNow() + by, cancellationToken);

    /// <summary>Moves the clock to <paramref name="time"/> and fires every due timer.</summary>
    public async Task AdvanceToAsync(DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        Clock.AdvanceTo(time);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var (workflow, state) in _instances.Values)
            {
                await Runner.ResumeDueAsync(workflow, state, Listener, cancellationToken).ConfigureAwait(false);
            }

            await DeliverHeldAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The earliest time a timer of any instance is due, if any.</summary>
    public DateTimeOffset? NextDueAt() => _instances.Values.Select(i => i.State.NextDueAt).Where(d => d is not null).Min();

    /// <summary>The state of <paramref name="customerId"/>'s instance of journey <paramref name="definitionId"/>.</summary>
    public WorkflowState State(string definitionId, string customerId) => _instances[InstanceIdOf(definitionId, customerId)].State;

    /// <summary>What the sandbox accepted for <paramref name="customer"/> (digits with country code), oldest first.</summary>
    public IReadOnlyList<SandboxMessage> ReceivedBy(string customer) => Sandbox.AcceptedMessages.Where(m => m.To == customer).ToList();

    /// <summary>
    /// <paramref name="customer"/> writes <paramref name="text"/> through the sandbox; completes once the
    /// inbound webhook was handled (a waiting instance resumed, or the reply held for a moment).
    /// </summary>
    public Task ReplyAsync(string customer, string text, CancellationToken cancellationToken = default) =>
        Sandbox.PostInboundTextAsync(customer, text, cancellationToken: cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync().ConfigureAwait(false);
        Webhooks.Stop();
        Webhooks.Dispose();
        await _provider.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task OnInboundAsync(WhatsAppInboundMessage reply)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            Conversations.RecordInbound(reply.Sender, reply.Customer, Clock.GetUtcNow());
            if (!await ResumeAsync(reply, CancellationToken.None).ConfigureAwait(false))
            {
                _held.Add((reply, Clock.GetUtcNow()));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DeliverHeldAsync(CancellationToken cancellationToken)
    {
        _held.RemoveAll(h => Clock.GetUtcNow() - h.HeldAt > HoldRepliesFor);
        foreach (var held in _held.ToList())
        {
            if (await ResumeAsync(held.Reply, cancellationToken).ConfigureAwait(false))
            {
                _held.Remove(held);
            }
        }
    }

    private async Task<bool> ResumeAsync(WhatsAppInboundMessage reply, CancellationToken cancellationToken)
    {
        var input = new Dictionary<string, JsonNode?> { [WaitForUserReply.ReplyInputKey] = ValueConverter.ToJson(reply) };
        var stimulus = new UserReplyStimulus(reply.Sender, reply.Customer);
        var resumed = 0;
        foreach (var (workflow, state) in _instances.Values)
        {
            resumed += await Runner.ResumeByStimulusAsync(workflow, state, WaitForUserReply.StimulusName, stimulus, input, Listener, cancellationToken).ConfigureAwait(false);
        }

        return resumed > 0;
    }
}
