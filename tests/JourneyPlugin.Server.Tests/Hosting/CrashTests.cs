extern alias Sandbox;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using JourneyPlugin.Server.Tests.Infrastructure;
using JourneyPlugin.Testing;
using JourneyPlugin.Workflows.Definitions;
using Sandbox::JourneyPlugin.Infobip.Sandbox;
using Xunit.Abstractions;

namespace JourneyPlugin.Server.Tests.Hosting;

/// <summary>
/// Exactly one message per customer while the real server process is killed with SIGKILL at random
/// points and restarted, with lost answers and 429 bursts injected. The campaign is started once through
/// the API; after each restart the server resumes it by itself. The sandbox runs in this test process,
/// so its record of what customers received survives every kill; its signed webhooks reach the server.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime, IAsyncDisposable
{
    private const int Customers = 10_000;
    private const string WebhookSecret = "crash-webhook-secret-0123456789";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"journeyplugin-crash-{Guid.NewGuid():N}");
    private readonly int _port = TestPorts.Next();
    private readonly int _siloPort = TestPorts.Next();
    private readonly int _gatewayPort = TestPorts.Next();
    private readonly StringBuilder _log = new();
    private InfobipSandbox? _sandbox;
    private Process? _server;

    private Uri BaseUrl => new($"http://127.0.0.1:{_port}/");

    public Task InitializeAsync() => Task.CompletedTask;

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    public async Task DisposeAsync()
    {
        Kill();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Every_customer_gets_exactly_one_message_although_the_server_is_killed_again_and_again()
    {
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.Combine(_root, "workflows"));
        await OneStepJourney().SaveAsync(Path.Combine(_root, "workflows", "crash-send.json"));
        var csv = new StringBuilder("phone,first_name,promo_code\n");
        for (var i = 0; i < Customers; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"8491{i:0000000}").Append(",Guest,WELCOME15\n");
        }

        _sandbox = InfobipSandbox.Start(new InfobipSandboxOptions
        {
            ApiKey = "crash-key",
            DeliveryReportUrl = new Uri(BaseUrl, "webhooks/infobip/sandbox/delivery-reports"),
            WebhookHmacSecret = WebhookSecret,
            DeliveredAfter = TimeSpan.FromMilliseconds(20),
            SeenAfter = TimeSpan.FromMilliseconds(40),
            WebhookBatchSize = 500,
            WebhookBatchWindow = TimeSpan.FromMilliseconds(50),

            // Infobip retries its webhooks; ours must outlive the server's downtime, and reach it within
            // the settlement window below once it is up (uncapped doubling waited minutes after a few kills,
            // so the policy resent messages whose reports were still on their way: by design, not a bug).
            WebhookMaxRetries = 100,
            WebhookRetryDelay = TimeSpan.FromMilliseconds(300),
            WebhookMaxRetryDelay = TimeSpan.FromSeconds(1),
            LostResponseHold = TimeSpan.FromSeconds(5),
        });

        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        await StartServerAsync(http);
        using var form = new MultipartFormDataContent
        {
            { new StringContent("crash-send"), "journeyId" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "audience", "audience.csv" },
        };
        using var created = await http.PostAsync(new Uri("api/runs", UriKind.Relative), form);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var runId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var random = new Random(20261124);
        for (var kill = 0; kill < 4; kill++)
        {
            _sandbox.Faults.AddLostResponses(5);
            _sandbox.Faults.AddTooManyRequests(3, TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2500, 6000)));
            Kill();
            output.WriteLine($"killed after {stopwatch.Elapsed.TotalSeconds:0.0} s with {_sandbox.AcceptedMessages.Count} messages accepted");
            await StartServerAsync(http);
        }

        JsonObject? run = null;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(500);
            run = await http.GetFromJsonAsync<JsonObject>(new Uri($"api/runs/{runId}", UriKind.Relative));
            if (run?["status"]?.GetValue<string>() == "Completed" && Finished(run) == Customers && Count(run, "delivered") == Customers)
            {
                break;
            }
        }

        output.WriteLine($"done after {stopwatch.Elapsed.TotalSeconds:0.0} s: status {run?["status"]}, instances {run?["instances"]?.ToJsonString()}");
        Assert.True(run?["status"]?.GetValue<string>() == "Completed", Log);
        Assert.Equal(Customers, Finished(run!));

        var perCustomer = _sandbox.AcceptedMessages.GroupBy(m => m.To).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Customers, perCustomer.Count);
        var duplicates = perCustomer.Where(p => p.Value != 1).Select(p => $"{p.Key}×{p.Value}").ToList();
        Assert.True(duplicates.Count == 0, $"customers with more than one message: {string.Join(", ", duplicates.Take(20))}; the server's settlements: {Settlements}");

        // The funnel survived the kills too: every count committed with the change it counts.
        Assert.Equal(Customers, Count(run!, "enrolled"));
        Assert.Equal(Customers, Count(run!, "sent"));
        Assert.Equal(Customers, Count(run!, "delivered"));
        output.WriteLine($"{Customers} customers, {_sandbox.AcceptedMessages.Count} messages in {stopwatch.Elapsed.TotalSeconds:0.0} s including 4 kills");
    }

    private string Log
    {
        get { lock (_log) { return _log.ToString(); } }
    }

    /// <summary>What the server logged about settling sends, which is where a second message would come from.</summary>
    private string Settlements => string.Join(" | ", Log.Split('\n').Where(l => l.Contains("settlement window", StringComparison.Ordinal)).Take(20));

    private static long Count(JsonObject run, string counter) => run["funnel"]?[counter]?.GetValue<long>() ?? 0;

    private static int Finished(JsonObject run) => run["instances"]?["Finished"]?.GetValue<int>() ?? 0;

    private static WorkflowDefinition OneStepJourney()
    {
        var definition = WorkflowDefinition.Create("crash-send", "Crash send");
        var start = definition.Root.AddActivity("Elsa.Start");
        var send = definition.Root.AddActivity("Journeys.SendInfobipWhatsApp");
        send.SetInput("connection", InputValue.Literal("sandbox"));
        send.SetInput("templateName", InputValue.Literal("welcome_offer"));
        send.SetInput("placeholders", InputValue.LiteralJson(new JsonArray("{{ customer.first_name }}", "{{ customer.promo_code }}"), "List<String>"));
        var end = definition.Root.AddActivity("Elsa.End");
        definition.Root.Connect(start.Id, "Done", send.Id);
        definition.Root.Connect(send.Id, "Sent", end.Id);
        definition.Root.Connect(send.Id, "Failed", end.Id);
        return definition;
    }

    /// <summary>Starts the server with the sandbox as an external Infobip connection, and waits until it is healthy.</summary>
    private async Task StartServerAsync(HttpClient http)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JourneyPlugin.Server.dll"));
        foreach (var (name, value) in new (string, object)[]
        {
            ("urls", BaseUrl.ToString().TrimEnd('/')),
            ("JourneyPlugin:DataDirectory", Path.Combine(_root, "data")),
            ("JourneyPlugin:WorkflowsDirectory", Path.Combine(_root, "workflows")),
            ("JourneyPlugin:SiloPort", _siloPort),
            ("JourneyPlugin:GatewayPort", _gatewayPort),
            ("JourneyPlugin:Sandbox:Enabled", "false"),
            ("JourneyPlugin:Connections:sandbox:ApiKey", "crash-key"),
            ("JourneyPlugin:Connections:sandbox:BaseUrl", _sandbox!.BaseUrl.ToString()),
            ("JourneyPlugin:Connections:sandbox:Sender", _sandbox.Senders[0]),
            ("JourneyPlugin:Connections:sandbox:MessagesPerSecond", 0),
            ("JourneyPlugin:Webhooks:sandbox:HmacSecret", WebhookSecret),
            ("JourneyPlugin:Infobip:RequestTimeout", "00:00:02"),
            ("JourneyPlugin:Infobip:RetryBaseDelay", "00:00:00.100"),
            ("JourneyPlugin:Infobip:MaxRetryDelay", "00:00:05"),
            ("JourneyPlugin:Settlement:Window", "00:00:20"),
            ("JourneyPlugin:Settlement:ScanInterval", "00:00:01"),
            ("JourneyPlugin:Runtime:TimeoutScanInterval", "00:00:00.500"),
        })
        {
            start.ArgumentList.Add("--" + name);
            start.ArgumentList.Add(Convert.ToString(value, CultureInfo.InvariantCulture)!);
        }

        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _server.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_server.HasExited, "the server stopped: " + Log);
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the server did not become healthy: " + Log);
            try
            {
                using var health = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }
    }

    private void Kill()
    {
        if (_server is { HasExited: false })
        {
            // SIGKILL: no shutdown hook runs, as when a machine dies.
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit();
        }

        _server?.Dispose();
        _server = null;
    }
}
