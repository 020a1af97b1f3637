using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Runtime.Campaigns;
using JourneyPlugin.Runtime.Delivery;
using JourneyPlugin.Runtime.Hosting;
using WireMock.Server;

namespace JourneyPlugin.EndToEnd.Tests.Runtime;

/// <summary>
/// What the runtime tests share: a data directory, a webhook receiver that feeds the current
/// runtime, the sandbox, and the runtime itself, which a test may stop and start again.
/// </summary>
internal sealed class RuntimeTestBed : IAsyncDisposable
{
    private TimeSpan _requestTimeout;

    public RuntimeTestBed() => Webhooks = EmbeddedRuntime.InboundReceiver(() => Runtime);

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"journeyplugin-{Guid.NewGuid():N}");

    public WireMockServer Webhooks { get; }

    public InfobipSandbox Sandbox { get; private set; } = null!;

    /// <summary>The running runtime; null while it is stopped (webhooks then fail and the sandbox retries).</summary>
    public EmbeddedRuntime? Runtime { get; private set; }

    /// <summary>Starts the sandbox with inbound messages and, if <paramref name="reports"/>, delivery reports posted to the runtime.</summary>
    public InfobipSandbox StartSandbox(bool reports, Action<InfobipSandboxOptions>? configure = null)
    {
        var options = new InfobipSandboxOptions
        {
            ApiKey = JourneyTestHost.ApiKey,
            InboundMessageUrl = new Uri($"{Webhooks.Url}/inbound"),
            DeliveryReportUrl = reports ? new Uri($"{Webhooks.Url}/reports") : null,
            DeliveredAfter = TimeSpan.FromMilliseconds(20),
            SeenAfter = TimeSpan.FromMilliseconds(40),
            WebhookBatchWindow = TimeSpan.FromMilliseconds(10),
            WebhookRetryDelay = TimeSpan.FromMilliseconds(100),
        };
        configure?.Invoke(options);

        // A lost answer must time out well within the sandbox's hold of it, and within a test; any other
        // answer gets time to spare on a loaded machine, where a 2 s limit turned slow answers into lost ones.
        _requestTimeout = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(10).Ticks, options.LostResponseHold.Ticks / 3));
        return Sandbox = InfobipSandbox.Start(options);
    }

    public async Task<EmbeddedRuntime> StartRuntimeAsync(Action<CampaignOptions>? campaigns = null, Action<SettlementOptions>? settlement = null, Action<JourneyRuntimeOptions>? runtime = null, Action<InfobipConnectionOptions>? connection = null) =>
        Runtime = await EmbeddedRuntime.StartAsync(Sandbox, DataDirectory, _requestTimeout, campaigns: campaigns, settlement: settlement, runtime: runtime, connection: connection);

    public async Task StopRuntimeAsync()
    {
        if (Runtime is not null)
        {
            await Runtime.DisposeAsync();
            Runtime = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopRuntimeAsync();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        Webhooks.Stop();
        Webhooks.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
