using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Infobip.Gateway;
using JourneyPlugin.WhatsApp.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace JourneyPlugin.Infobip.Tests.Gateway;

/// <summary>
/// Template sends of one connection through the vendor-neutral gateway, against a WireMock Infobip that
/// answers each message of a bulk with its own id and can hold a request until told to answer.
/// </summary>
public sealed class InfobipTemplateBatchingTests : IDisposable
{
    private const string Connection = "bulk";
    private const string Sender = "447860099299";

    private readonly WireMockServer _infobip = WireMockServer.Start();
    private readonly ConcurrentQueue<JsonArray> _requests = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly ManualResetEventSlim _answer = new(initialState: true);
    private ServiceProvider? _services;

    public InfobipTemplateBatchingTests()
    {
        _infobip.Given(Request.Create().WithPath("/whatsapp/1/message/template").UsingPost()).RespondWith(Response.Create().WithCallback(Answer));
    }

    /// <summary>Numbers Infobip refuses (400 for the whole request), as it refuses a template it does not know.</summary>
    private HashSet<string> Refused { get; } = [];

    public void Dispose()
    {
        _answer.Set();
        _services?.Dispose();
        _infobip.Stop();
        _infobip.Dispose();
        _arrived.Dispose();
        _answer.Dispose();
    }

    [Fact]
    public async Task A_lone_send_leaves_at_once_in_a_request_of_its_own()
    {
        var gateway = Gateway(maxPerRequest: 100, maxInFlight: 1);

        var result = await gateway.SendAsync(Connection, Template(1));

        Assert.Equal(WhatsAppSendStatus.Sent, result.Status);
        Assert.Equal(MessageId(1), result.MessageId);
        Assert.Single(Assert.Single(_requests));
    }

    [Fact]
    public async Task Sends_that_come_while_a_request_is_under_way_leave_together_each_with_its_own_result()
    {
        var gateway = Gateway(maxPerRequest: 100, maxInFlight: 1);
        var (first, others) = await WhileTheFirstIsUnderWayAsync(gateway, 30);
        Assert.Single(_requests);
        _answer.Set();

        Assert.Equal(WhatsAppSendStatus.Sent, (await first).Status);
        var results = await Task.WhenAll(others);
        Assert.Equal([1, 30], _requests.Select(r => r.Count));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(WhatsAppSendStatus.Sent, results[i].Status);
            Assert.Equal(MessageId(i + 1), results[i].MessageId);

            // Each result carries its own part of Infobip's answer, not the other customers' numbers.
            var raw = JsonNode.Parse(results[i].RawResponse!)!;
            Assert.Equal(Phone(i + 1), (string?)raw["to"]);
            Assert.Equal(MessageId(i + 1), (string?)raw["messageId"]);
        }
    }

    [Fact]
    public async Task A_request_carries_at_most_the_configured_number_of_messages()
    {
        var gateway = Gateway(maxPerRequest: 10, maxInFlight: 1);
        var (first, others) = await WhileTheFirstIsUnderWayAsync(gateway, 25);
        _answer.Set();

        await first;
        Assert.All(await Task.WhenAll(others), r => Assert.Equal(WhatsAppSendStatus.Sent, r.Status));
        Assert.Equal([1, 10, 10, 5], _requests.Select(r => r.Count));
    }

    [Fact]
    public async Task A_changed_bulk_size_applies_to_the_next_requests_of_a_connection_that_sent_before()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MaxTemplatesPerRequest"] = "10" }).Build();
        var gateway = Gateway(maxPerRequest: 10, maxInFlight: 1, settings);
        var (first, others) = await WhileTheFirstIsUnderWayAsync(gateway, 25);
        _answer.Set();
        await first;
        await Task.WhenAll(others);

        // As a reloaded appsettings.json would change it, between two campaigns.
        settings["MaxTemplatesPerRequest"] = "4";
        settings.Reload();
        (first, others) = await WhileTheFirstIsUnderWayAsync(gateway, 10);
        _answer.Set();

        await first;
        Assert.All(await Task.WhenAll(others), r => Assert.Equal(WhatsAppSendStatus.Sent, r.Status));
        Assert.Equal([1, 10, 10, 5, 1, 4, 4, 2], _requests.Select(r => r.Count));
    }

    [Fact]
    public async Task A_bulk_infobip_refuses_as_a_whole_is_sent_again_one_by_one_so_only_the_faulty_message_fails()
    {
        var gateway = Gateway(maxPerRequest: 100, maxInFlight: 1);
        Refused.Add(Phone(3));
        var (first, others) = await WhileTheFirstIsUnderWayAsync(gateway, 5);
        _answer.Set();

        await first;
        var results = await Task.WhenAll(others);
        Assert.Equal(WhatsAppSendStatus.Failed, results[2].Status);
        Assert.Equal(WhatsAppFailureReason.VendorRejected, results[2].FailureReason);
        Assert.All(results.Where((_, i) => i != 2), r => Assert.Equal(WhatsAppSendStatus.Sent, r.Status));

        // The first alone, the refused bulk of five, then each of the five alone.
        Assert.Equal([1, 5, 1, 1, 1, 1, 1], _requests.Select(r => r.Count));
    }

    [Fact]
    public async Task A_message_the_client_refuses_fails_alone_without_a_request_and_the_others_leave()
    {
        var gateway = Gateway(maxPerRequest: 100, maxInFlight: 1);
        _answer.Reset();
        while (_arrived.Wait(0))
        {
            // Requests of an earlier round, answered already.
        }

        var first = gateway.SendAsync(Connection, Template(0));
        await WaitForRequestAsync();
        var invalid = gateway.SendAsync(Connection, Template(1) with { To = "12" });
        var valid = Enumerable.Range(2, 3).Select(i => gateway.SendAsync(Connection, Template(i))).ToList();

        var refused = await invalid;
        Assert.Equal(WhatsAppSendStatus.Failed, refused.Status);
        Assert.Equal(WhatsAppFailureReason.InvalidNumber, refused.FailureReason);
        _answer.Set();

        await first;
        Assert.All(await Task.WhenAll(valid), r => Assert.Equal(WhatsAppSendStatus.Sent, r.Status));
        Assert.Equal([1, 3], _requests.Select(r => r.Count));
        Assert.DoesNotContain(_requests.SelectMany(r => r), m => (string?)m!["messageId"] == MessageId(1));
    }

    [Fact]
    public async Task A_caller_that_gives_up_before_its_message_left_is_not_sent()
    {
        var gateway = Gateway(maxPerRequest: 100, maxInFlight: 1);
        _answer.Reset();
        while (_arrived.Wait(0))
        {
            // Requests of an earlier round, answered already.
        }

        var first = gateway.SendAsync(Connection, Template(0));
        await WaitForRequestAsync();
        using var cancel = new CancellationTokenSource();
        var abandoned = gateway.SendAsync(Connection, Template(1), cancel.Token);
        var kept = gateway.SendAsync(Connection, Template(2));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        _answer.Set();

        await first;
        Assert.Equal(WhatsAppSendStatus.Sent, (await kept).Status);
        Assert.Equal([MessageId(0), MessageId(2)], _requests.SelectMany(r => r).Select(m => (string?)m!["messageId"]));
    }

    [Fact]
    public void The_bulk_settings_are_validated_with_the_field_named()
    {
        var result = new InfobipClientOptionsValidator().Validate(null, new InfobipClientOptions { MaxTemplatesPerRequest = 0, MaxTemplateRequestsInFlight = 1000 });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("MaxTemplatesPerRequest:", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("MaxTemplateRequestsInFlight:", StringComparison.Ordinal));
    }

    private static string Phone(int i) => $"8491234{i:D4}";

    private static string MessageId(int i) => $"run-1-customer-{i}-send";

    private static WhatsAppOutboundMessage Template(int i) => new()
    {
        Kind = WhatsAppMessageKind.Template,
        To = Phone(i),
        MessageId = MessageId(i),
        TemplateName = "welcome_offer",
        Language = "en",
        Placeholders = [$"Guest {i}", "WELCOME15"],
    };

    private IWhatsAppGateway Gateway(int maxPerRequest, int maxInFlight, IConfiguration? settings = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddJourneyPlugin(j => j.AddInfobip(Connection, o =>
        {
            o.ApiKey = "bulk-test-key";
            o.BaseUrl = _infobip.Url!;
            o.Sender = Sender;
            o.MessagesPerSecond = null;
        }));
        services.Configure<InfobipClientOptions>(o =>
        {
            o.MaxTemplatesPerRequest = maxPerRequest;
            o.MaxTemplateRequestsInFlight = maxInFlight;
            o.RequestTimeout = TimeSpan.FromSeconds(20);
        });
        if (settings is not null)
        {
            services.Configure<InfobipClientOptions>(settings);
        }

        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<IWhatsAppGateway>();
    }

    /// <summary>Sends one message and holds Infobip's answer to it; sends <paramref name="count"/> more meanwhile.</summary>
    private async Task<(Task<WhatsAppSendResult> First, List<Task<WhatsAppSendResult>> Others)> WhileTheFirstIsUnderWayAsync(IWhatsAppGateway gateway, int count)
    {
        _answer.Reset();
        while (_arrived.Wait(0))
        {
            // Requests of an earlier round, answered already.
        }

        var first = gateway.SendAsync(Connection, Template(0));
        await WaitForRequestAsync();
        var others = Enumerable.Range(1, count).Select(i => gateway.SendAsync(Connection, Template(i))).ToList();

        // Time for a wrongly eager batcher to send them before the first is answered.
        await Task.Delay(200);
        return (first, others);
    }

    private async Task WaitForRequestAsync()
    {
        Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(10)), "no request reached Infobip");
    }

    private IResponseMessage Answer(IRequestMessage request)
    {
        var messages = JsonNode.Parse(request.Body!)!["messages"]!.AsArray();
        _requests.Enqueue(messages);
        _arrived.Release();
        _answer.Wait(TimeSpan.FromSeconds(20));

        var refused = messages.Any(m => Refused.Contains((string)m!["to"]!));
        var body = refused
            ? """{"requestError":{"serviceException":{"messageId":"BAD_REQUEST","text":"Bad request","validationErrors":{"content.templateName":["template does not exist"]}}}}"""
            : new JsonObject
            {
                ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)new JsonObject
                {
                    ["to"] = (string?)m!["to"],
                    ["messageCount"] = 1,
                    ["messageId"] = (string?)m["messageId"],
                    ["status"] = JsonNode.Parse("""{"groupId":1,"groupName":"PENDING","id":7,"name":"PENDING_ENROUTE","description":"Message sent to next instance"}"""),
                })]),
                ["bulkId"] = "bulk-1",
            }.ToJsonString();
        return new ResponseMessage
        {
            StatusCode = refused ? 400 : 200,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData { DetectedBodyType = BodyType.String, BodyAsString = body },
        };
    }
}
