using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Workflows.Definitions;
using Xunit.Abstractions;

namespace JourneyPlugin.EndToEnd.Tests.Runtime;

/// <summary>
/// Exactly one message per customer per Send step while the host process is killed with SIGKILL at
/// random points and restarted, with lost answers and 429 bursts injected. The sandbox runs in this
/// test process, so its record of what customers received survives every kill.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class CrashTests(ITestOutputHelper output) : IAsyncLifetime, IAsyncDisposable
{
    private const int Customers = 10_000;
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"journeyplugin-crash-{Guid.NewGuid():N}");
    private readonly int _port = FreePort();
    private InfobipSandbox? _sandbox;
    private Process? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    // xunit v2 calls IAsyncLifetime.DisposeAsync, not IAsyncDisposable's.
    public async Task DisposeAsync()
    {
        Kill();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Every_customer_gets_exactly_one_message_although_the_host_is_killed_again_and_again()
    {
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(Path.Combine(_data, "workflows"));
        await OneStepJourney().SaveAsync(Path.Combine(_data, "workflows", "crash-send.json"));
        var audience = Path.Combine(_data, "audience.csv");
        var csv = new StringBuilder("phone,first_name,promo_code\n");
        for (var i = 0; i < Customers; i++)
        {
            csv.Append(CultureInvariant($"8491{i:0000000}")).Append(",Guest,WELCOME15\n");
        }

        await File.WriteAllTextAsync(audience, csv.ToString());
        _sandbox = InfobipSandbox.Start(new InfobipSandboxOptions
        {
            ApiKey = "crash-key",
            DeliveryReportUrl = new Uri($"http://127.0.0.1:{_port}/reports"),
            DeliveredAfter = TimeSpan.FromMilliseconds(20),
            SeenAfter = TimeSpan.FromMilliseconds(40),
            WebhookBatchSize = 500,
            WebhookBatchWindow = TimeSpan.FromMilliseconds(50),

            // Infobip retries its webhooks; ours must outlive the host's downtime.
            WebhookMaxRetries = 100,
            WebhookRetryDelay = TimeSpan.FromMilliseconds(300),
            LostResponseHold = TimeSpan.FromSeconds(5),
        });

        var random = new Random(20261124);
        for (var kill = 0; kill < 4; kill++)
        {
            StartHost(audience);
            _sandbox.Faults.AddLostResponses(5);
            _sandbox.Faults.AddTooManyRequests(3, TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(2500, 6000)));
            Kill();
            output.WriteLine($"killed after {stopwatch.Elapsed.TotalSeconds:0.0} s with {_sandbox.AcceptedMessages.Count} messages accepted");
        }

        StartHost(audience);
        using var http = new HttpClient();
        JsonNode? status = null;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(500);
            try
            {
                status = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{_port}/status")));
            }
            catch (HttpRequestException)
            {
                continue;
            }

            if (status?["status"]?.GetValue<string>() == "Completed" && status["instances"]?["Finished"]?.GetValue<int>() == Customers)
            {
                break;
            }
        }

        output.WriteLine($"done after {stopwatch.Elapsed.TotalSeconds:0.0} s: {status?.ToJsonString()}");
        Assert.Equal("Completed", status?["status"]?.GetValue<string>());
        Assert.Equal(Customers, status?["instances"]?["Finished"]?.GetValue<int>());

        var perCustomer = _sandbox.AcceptedMessages.GroupBy(m => m.To).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Customers, perCustomer.Count);
        var duplicates = perCustomer.Where(p => p.Value != 1).Select(p => $"{p.Key}×{p.Value}").ToList();
        Assert.True(duplicates.Count == 0, $"customers with more than one message: {string.Join(", ", duplicates.Take(20))}");
        output.WriteLine($"{Customers} customers, {_sandbox.AcceptedMessages.Count} messages in {stopwatch.Elapsed.TotalSeconds:0.0} s including 4 kills");
    }

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

    private void StartHost(string audience)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "JourneyPlugin.EndToEnd.Host.dll"));
        foreach (var (name, value) in new[]
        {
            ("port", _port.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("data", _data), ("workflows", Path.Combine(_data, "workflows")),
            ("sandbox", _sandbox!.BaseUrl.ToString()), ("api-key", "crash-key"), ("sender", _sandbox.Senders[0]),
            ("run", "crash-run"), ("journey", "crash-send"), ("audience", audience), ("settlement-window-seconds", "20"),
        })
        {
            start.ArgumentList.Add($"--{name}");
            start.ArgumentList.Add(value);
        }

        _host = Process.Start(start)!;
        _host.OutputDataReceived += (_, e) => { };
        _host.ErrorDataReceived += (_, e) => { };
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();
    }

    private void Kill()
    {
        if (_host is { HasExited: false })
        {
            // SIGKILL: no shutdown hook runs, as when a machine dies.
            _host.Kill(entireProcessTree: true);
            _host.WaitForExit();
        }

        _host?.Dispose();
        _host = null;
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
