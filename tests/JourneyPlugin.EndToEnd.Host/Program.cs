using JourneyPlugin.Infobip.Gateway;
using JourneyPlugin.Infobip.Webhooks;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Conversations;
using JourneyPlugin.Runtime.Delivery;
using JourneyPlugin.Runtime.Hosting;
using JourneyPlugin.Runtime.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Arguments: --port --data --workflows --sandbox --api-key --sender --run --journey --audience --settlement-window-seconds
var arguments = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i].TrimStart('-'), i => args[(2 * i) + 1], StringComparer.Ordinal);
var runId = arguments["run"];

var builder = WebApplication.CreateBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseUrls($"http://127.0.0.1:{arguments["port"]}");
builder.Services.AddInfobipWhatsApp(o =>
{
    o.RequestTimeout = TimeSpan.FromSeconds(2);
    o.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
    o.MaxRetryDelay = TimeSpan.FromSeconds(5);
});
builder.Services.AddJourneyPlugin(j => j.AddInfobip("sandbox", o =>
{
    o.ApiKey = arguments["api-key"];
    o.BaseUrl = arguments["sandbox"];
    o.Sender = arguments["sender"];
    o.MessagesPerSecond = null;
}));
builder.Services.Configure<SettlementOptions>(o =>
{
    o.Window = TimeSpan.FromSeconds(int.Parse(arguments["settlement-window-seconds"], System.Globalization.CultureInfo.InvariantCulture));
    o.ScanInterval = TimeSpan.FromSeconds(1);
});
builder.AddJourneyRuntime(o =>
{
    o.DataDirectory = arguments["data"];
    o.WorkflowsDirectory = arguments["workflows"];
    o.SiloPort = FreePort();
    o.GatewayPort = FreePort();
    o.TimeoutScanInterval = TimeSpan.FromMilliseconds(500);
});

var app = builder.Build();
app.MapPost("/inbound", async (HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken) =>
{
    foreach (var message in (await InfobipWebhookParser.ParseInboundMessagesAsync(request.Body, cancellationToken)).Results)
    {
        await grains.RouteInboundAsync(message.ToWhatsAppMessage());
    }

    return Results.Ok();
});
app.MapPost("/reports", async (HttpRequest request, DeliveryReportProcessor processor, TimeProvider clock, CancellationToken cancellationToken) =>
{
    using var body = new MemoryStream();
    await request.Body.CopyToAsync(body, cancellationToken);
    var bytes = body.ToArray();
    var now = clock.GetUtcNow();
    var reports = InfobipWebhookParser.IsSeenReportBatch(bytes)
        ? InfobipWebhookParser.ParseSeenReports(bytes).Results.Select(r => r.ToWhatsAppReport(now)).ToList()
        : InfobipWebhookParser.ParseDeliveryReports(bytes).Results.Select(r => r.ToWhatsAppReport(now)).ToList();
    await processor.ProcessAsync(reports, cancellationToken);
    return Results.Ok();
});
app.MapGet("/status", async (IRunStore runs, IJourneyInstanceStore instances) =>
{
    var run = await runs.GetAsync(runId);
    return Results.Ok(new { status = run?.Status.ToString(), rowsRead = run?.EnrolmentCursor ?? 0, instances = await instances.CountStatusesAsync(runId) });
});

await app.StartAsync();
await app.Services.GetRequiredService<IGrainFactory>().GetGrain<ICampaignRunGrain>(runId).StartAsync(new CampaignStartRequest
{
    DefinitionId = arguments["journey"],
    Name = "crash test",
    AudiencePath = arguments["audience"],
});
await Console.Out.WriteLineAsync("ready");
await app.WaitForShutdownAsync();

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}
