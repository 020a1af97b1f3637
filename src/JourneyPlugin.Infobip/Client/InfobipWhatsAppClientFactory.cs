using JourneyPlugin.Infobip.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Infobip.Client;

/// <summary>Builds clients on the shared, resilient <see cref="HttpClient"/> of Infobip.</summary>
internal sealed class InfobipWhatsAppClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<InfobipConnectionOptions> connections,
    IOptionsMonitor<InfobipClientOptions> clientOptions,
    InfobipSenderRateLimiters rateLimiters,
    ILoggerFactory loggerFactory) : IInfobipWhatsAppClientFactory
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("JourneyPlugin.Infobip.Client");

    public IInfobipWhatsAppClient CreateClient(string connectionName)
    {
        ArgumentNullException.ThrowIfNull(connectionName);
        return Create(connectionName, connections.Get(connectionName));
    }

    public IInfobipWhatsAppClient CreateClient(InfobipConnectionOptions connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Create(Options.DefaultName, connection);
    }

    private InfobipWhatsAppClient Create(string name, InfobipConnectionOptions connection)
    {
        var errors = InfobipConnectionOptionsValidator.Validate(connection);
        if (errors.Count > 0 || !InfobipBaseUrl.TryParse(connection.BaseUrl, out var baseUri, out _))
        {
            throw new OptionsValidationException(name, typeof(InfobipConnectionOptions), errors.Select(e => e.ToString()));
        }

        var limiter = rateLimiters.Get(baseUri, connection.Sender, connection.MessagesPerSecond, connection.RateLimitQueueLimit);
        return new InfobipWhatsAppClient(
            httpClientFactory.CreateClient(InfobipWhatsAppClient.HttpClientName),
            baseUri,
            connection,
            limiter,
            clientOptions.CurrentValue,
            _logger);
    }
}
