using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Infobip.Gateway;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Infobip.Webhooks;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Conversations;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Delivery;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Runtime.Hosting;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Testing;
using JourneyPlugin.WhatsApp.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using Request = WireMock.RequestBuilders.Request;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace JourneyPlugin.EndToEnd.Tests.Runtime;

/// <summary>
/// The embedded runtime as a user runs it: an Orleans silo on loopback, a SQLite file in a temp
/// directory, the sandbox as Infobip; inbound webhooks go to the conversation grains. A runtime can
/// be stopped and another started over the same data directory, as after a restart.
/// </summary>
internal sealed class EmbeddedRuntime : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedRuntime(IHost host, string dataDirectory)
    {
        _host = host;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IJourneyInstanceStore Instances => _host.Services.GetRequiredService<IJourneyInstanceStore>();

    public IConversationStore Conversations => _host.Services.GetRequiredService<IConversationStore>();

    public JourneyDefinitionCatalog Catalog => _host.Services.GetRequiredService<JourneyDefinitionCatalog>();

    public IWhatsAppGateway Gateway => _host.Services.GetRequiredService<IWhatsAppGateway>();

    public ISendLedger Ledger => _host.Services.GetRequiredService<ISendLedger>();

    public IRunStore Runs => _host.Services.GetRequiredService<IRunStore>();

    public static async Task<EmbeddedRuntime> StartAsync(InfobipSandbox sandbox, string dataDirectory, TimeSpan requestTimeout, TimeSpan? scanInterval = null, Action<CampaignOptions>? campaigns = null, Action<SettlementOptions>? settlement = null, Action<JourneyRuntimeOptions>? runtime = null, Action<InfobipConnectionOptions>? connection = null)
    {
        var builder = Host.CreateApplicationBuilder();
        if (campaigns is not null)
        {
            builder.Services.Configure(campaigns);
        }

        if (settlement is not null)
        {
            builder.Services.Configure(settlement);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddInfobipWhatsApp(o =>
        {
            o.RequestTimeout = requestTimeout;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
        });
        builder.Services.AddJourneyPlugin(j => j.AddInfobip("sandbox", o =>
        {
            o.ApiKey = JourneyTestHost.ApiKey;
            o.BaseUrl = sandbox.BaseUrl.ToString();
            o.Sender = sandbox.Senders[0];
            o.MessagesPerSecond = null;
            connection?.Invoke(o);
        }));
        builder.AddJourneyRuntime(o =>
        {
            o.DataDirectory = dataDirectory;
            o.WorkflowsDirectory = Path.Combine(AppContext.BaseDirectory, "workflows");
            o.SiloPort = TestPorts.Next();
            o.GatewayPort = TestPorts.Next();
            o.TimeoutScanInterval = scanInterval ?? TimeSpan.FromMilliseconds(200);
            runtime?.Invoke(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new EmbeddedRuntime(host, dataDirectory);
    }

    /// <summary>Hands an Infobip inbound webhook body to the conversation grains, as the server's webhook endpoint will.</summary>
    public async Task<int> DeliverInboundAsync(byte[] body)
    {
        var handled = 0;
        foreach (var message in InfobipWebhookParser.ParseInboundMessages(body).Results)
        {
            if (await Grains.RouteInboundAsync(message.ToWhatsAppMessage()))
            {
                handled++;
            }
        }

        return handled;
    }

    /// <summary>Hands an Infobip delivery or seen report webhook body to the runtime (both arrive at the same notify URL).</summary>
    public async Task DeliverReportsAsync(byte[] body)
    {
        var now = DateTimeOffset.UtcNow;
        var reports = InfobipWebhookParser.IsSeenReportBatch(body)
            ? InfobipWebhookParser.ParseSeenReports(body).Results.Select(r => r.ToWhatsAppReport(now)).ToList()
            : InfobipWebhookParser.ParseDeliveryReports(body).Results.Select(r => r.ToWhatsAppReport(now)).ToList();
        await _host.Services.GetRequiredService<DeliveryReportProcessor>().ProcessAsync(reports);
    }

    /// <summary>A webhook receiver that forwards the sandbox's inbound messages to <paramref name="runtime"/>.</summary>
    public static WireMockServer InboundReceiver(Func<EmbeddedRuntime?> runtime)
    {
        var server = WireMockServer.Start();
        server.Given(Request.Create().WithPath("/inbound").UsingPost()).RespondWith(Response.Create().WithCallback(async request =>
        {
            // While no runtime is up the webhook fails and the sandbox retries, as Infobip would.
            var current = runtime();
            if (current is null)
            {
                return new WireMock.ResponseMessage { StatusCode = 503 };
            }

            await current.DeliverInboundAsync(request.BodyAsBytes!);
            return new WireMock.ResponseMessage { StatusCode = 200 };
        }));
        server.Given(Request.Create().WithPath("/reports").UsingPost()).RespondWith(Response.Create().WithCallback(async request =>
        {
            var current = runtime();
            if (current is null)
            {
                return new WireMock.ResponseMessage { StatusCode = 503 };
            }

            await current.DeliverReportsAsync(request.BodyAsBytes!);
            return new WireMock.ResponseMessage { StatusCode = 200 };
        }));
        return server;
    }

    public async Task<JourneyInstanceSnapshot?> WaitForStatusAsync(string instanceId, string status)
    {
        JourneyInstanceSnapshot? snapshot = null;
        for (var i = 0; i < 250; i++)
        {
            snapshot = await Grains.GetGrain<IJourneyInstanceGrain>(instanceId).GetAsync();
            if (snapshot?.Status == status)
            {
                return snapshot;
            }

            await Task.Delay(40);
        }

        Assert.Fail($"{instanceId} is {snapshot?.Status ?? "unknown"} ({snapshot?.Fault}), not {status}");
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
