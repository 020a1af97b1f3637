using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WireMock.Server;

namespace JourneyPlugin.Infobip.Tests.Client;

/// <summary>A real DI container with the client, a WireMock server standing in for Infobip and every log record collected.</summary>
internal sealed class InfobipClientHarness : IDisposable
{
    public const string ApiKey = "003026bbc133714df1834b8638bb496e-8f4b3d9a-e931-478d-a994-28a725159ab9";
    public const string Sender = "447860099299";

    private readonly ServiceProvider _provider;

    public InfobipClientHarness(Action<InfobipClientOptions>? configureClient = null, TimeProvider? timeProvider = null, bool startServer = true)
    {
        Server = startServer ? WireMockServer.Start() : null!;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddInfobipWhatsApp(options =>
        {
            // Fast enough for tests; the behaviour under test does not depend on the values.
            options.RequestTimeout = TimeSpan.FromSeconds(5);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(50);
            options.MaxRetryDelay = TimeSpan.FromSeconds(5);
            configureClient?.Invoke(options);
        });
        _provider = services.BuildServiceProvider();
        Factory = _provider.GetRequiredService<IInfobipWhatsAppClientFactory>();
        Logs = _provider.GetFakeLogCollector();
    }

    public WireMockServer Server { get; }

    public IInfobipWhatsAppClientFactory Factory { get; }

    public FakeLogCollector Logs { get; }

    public IInfobipWhatsAppClient CreateClient(string? baseUrl = null, int? messagesPerSecond = null, int queueLimit = 10_000, Uri? notifyUrl = null) =>
        Factory.CreateClient(new InfobipConnectionOptions
        {
            ApiKey = ApiKey,
            BaseUrl = baseUrl ?? Server.Url!,
            Sender = Sender,
            MessagesPerSecond = messagesPerSecond,
            RateLimitQueueLimit = queueLimit,
            NotifyUrl = notifyUrl,
        });

    /// <summary>Every log line with its exception, as an operator would read it.</summary>
    public string AllLogText() =>
        string.Join(Environment.NewLine, Logs.GetSnapshot().Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception}"));

    public void Dispose()
    {
        _provider.Dispose();
        Server?.Stop();
        Server?.Dispose();
    }
}
