using System.Globalization;
using System.Security.Cryptography;
using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Hosting;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Server.Hosting;
using JourneyPlugin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Benchmarks.Harness;

/// <summary>
/// The JourneyPlugin server exactly as <c>Program</c> composes it (settings, runtime, Orleans silo,
/// SQLite under a temp directory, webhook endpoints on Kestrel), in this process so that its memory
/// can be measured, with an Infobip connection <c>bench</c> pointing at the <see cref="InfobipStub"/>,
/// another, <c>bench-local</c>, answered by the same stub in process (<see cref="InProcessInfobip"/>),
/// the senders' rate limits off and HMAC-signed webhooks.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    public const string Connection = "bench";
    public const string InProcessConnection = "bench-local";
    public const string Sender = "441134960000";
    public const string ApiKey = "bench-api-key-0123456789";

    private readonly WebApplication _app;
    private readonly byte[] _webhookSecret;

    private BenchServer(WebApplication app, string dataDirectory, byte[] webhookSecret)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _webhookSecret = webhookSecret;
        Address = new Uri(app.Urls.First());
    }

    /// <summary>Where the SQLite file lives.</summary>
    public string DataDirectory { get; }

    /// <summary>The server's HTTP address (webhooks).</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public IRunStore Runs => Services.GetRequiredService<IRunStore>();

    public IJourneyInstanceStore Instances => Services.GetRequiredService<IJourneyInstanceStore>();

    public JourneyDefinitionCatalog Catalog => Services.GetRequiredService<JourneyDefinitionCatalog>();

    /// <summary>
    /// Starts the server over <paramref name="dataDirectory"/>, its journeys read from <c>workflows/</c> there;
    /// the timeout scanner runs at the product's interval unless <paramref name="scanInterval"/> is given.
    /// </summary>
    public static async Task<BenchServer> StartAsync(InfobipStub infobip, string dataDirectory, TimeSpan? scanInterval = null)
    {
        var secret = RandomNumberGenerator.GetBytes(24);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = dataDirectory, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["JourneyPlugin:DataDirectory"] = Path.Combine(dataDirectory, "data"),
            ["JourneyPlugin:WorkflowsDirectory"] = Path.Combine(dataDirectory, "workflows"),
            ["JourneyPlugin:SiloPort"] = TestPorts.Next().ToString(CultureInfo.InvariantCulture),
            ["JourneyPlugin:GatewayPort"] = TestPorts.Next().ToString(CultureInfo.InvariantCulture),
            ["JourneyPlugin:Sandbox:Enabled"] = "false",
            [$"JourneyPlugin:Connections:{Connection}:ApiKey"] = ApiKey,
            [$"JourneyPlugin:Connections:{Connection}:BaseUrl"] = infobip.BaseUrl.ToString(),
            [$"JourneyPlugin:Connections:{Connection}:Sender"] = Sender,
            [$"JourneyPlugin:Connections:{InProcessConnection}:ApiKey"] = ApiKey,
            [$"JourneyPlugin:Connections:{InProcessConnection}:BaseUrl"] = InProcessInfobip.BaseUrl.ToString(),
            [$"JourneyPlugin:Connections:{InProcessConnection}:Sender"] = Sender,
            [$"JourneyPlugin:Webhooks:{Connection}:HmacSecret"] = Convert.ToHexStringLower(secret),
            [$"JourneyPlugin:Webhooks:{InProcessConnection}:HmacSecret"] = Convert.ToHexStringLower(secret),
        });
        builder.AddJourneyPluginServer();

        // Rate limits off: the benchmark measures the engine, not the limiter.
        builder.Services.PostConfigure<InfobipConnectionOptions>(Connection, o => o.MessagesPerSecond = null);
        builder.Services.PostConfigure<InfobipConnectionOptions>(InProcessConnection, o => o.MessagesPerSecond = null);

        // Last in the client's pipeline, just before its sockets: only bench-local's requests stop there.
        builder.Services.AddHttpClient(InfobipWhatsAppClient.HttpClientName).AddHttpMessageHandler(() => new InProcessInfobip(infobip));
        if (scanInterval is { } interval)
        {
            builder.Services.PostConfigure<JourneyRuntimeOptions>(o => o.TimeoutScanInterval = interval);
        }

        var app = builder.Build();
        app.MapJourneyPluginServer();
        await app.StartAsync();
        return new BenchServer(app, dataDirectory, System.Text.Encoding.UTF8.GetBytes(Convert.ToHexStringLower(secret)));
    }

    /// <summary>An HTTP request for an Infobip webhook of this server, signed as Infobip signs it.</summary>
    public HttpRequestMessage Webhook(string kind, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Address, $"/webhooks/infobip/{Connection}/{kind}"))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Infobip-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_webhookSecret, body)));
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
