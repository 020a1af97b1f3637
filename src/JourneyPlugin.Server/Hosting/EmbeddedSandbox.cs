using JourneyPlugin.Infobip.Sandbox;

namespace JourneyPlugin.Server.Hosting;

/// <summary>How the in-process sandbox is started: its secrets are generated at start and never printed.</summary>
/// <param name="Port">The port on 127.0.0.1; 0 picks a free one.</param>
/// <param name="ApiKey">The API key the sandbox connection authenticates with.</param>
/// <param name="WebhookHmacSecret">The secret the sandbox signs its webhooks with.</param>
/// <param name="DeliveryReportUrl">Where it posts delivery and seen reports.</param>
/// <param name="InboundMessageUrl">Where it posts customers' messages.</param>
internal sealed record EmbeddedSandboxSettings(int Port, string ApiKey, string WebhookHmacSecret, Uri DeliveryReportUrl, Uri InboundMessageUrl);

/// <summary>The Infobip sandbox running in this process, started when first resolved and stopped with the host.</summary>
internal sealed class EmbeddedSandbox : IAsyncDisposable
{
    public EmbeddedSandbox(EmbeddedSandboxSettings settings, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        Sandbox = InfobipSandbox.Start(
            new InfobipSandboxOptions
            {
                Port = settings.Port,
                ApiKey = settings.ApiKey,
                DeliveryReportUrl = settings.DeliveryReportUrl,
                InboundMessageUrl = settings.InboundMessageUrl,
                WebhookHmacSecret = settings.WebhookHmacSecret,
            },
            loggerFactory);
    }

    public EmbeddedSandboxSettings Settings { get; }

    public InfobipSandbox Sandbox { get; }

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();
}
