using System.Collections.Concurrent;
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
    private const int MaxValidated = 1024;
    private readonly ILogger _logger = loggerFactory.CreateLogger("JourneyPlugin.Infobip.Client");

    /// <summary>The base URL of each valid connection's settings: a client is made for every send, validating them is not (the sender's number alone costs a parse).</summary>
    private readonly ConcurrentDictionary<InfobipConnectionSettings, Uri> _validated = new();

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
        var settings = InfobipConnectionSettings.Of(connection);
        if (!_validated.TryGetValue(settings, out var baseUri))
        {
            var errors = InfobipConnectionOptionsValidator.Validate(connection);
            if (errors.Count > 0 || !InfobipBaseUrl.TryParse(connection.BaseUrl, out baseUri, out _))
            {
                throw new OptionsValidationException(name, typeof(InfobipConnectionOptions), errors.Select(e => e.ToString()));
            }

            if (_validated.Count >= MaxValidated)
            {
                // Settings edited again and again: start over rather than keep every old key.
                _validated.Clear();
            }

            _validated[settings] = baseUri;
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
