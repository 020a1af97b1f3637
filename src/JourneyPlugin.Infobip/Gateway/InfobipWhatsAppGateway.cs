using System.Collections.Concurrent;
using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Infobip.Messages;
using JourneyPlugin.Infobip.Templates;
using JourneyPlugin.WhatsApp.Messaging;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Infobip.Gateway;

/// <summary>The vendor-neutral gateway over Infobip: maps messages, results and templates both ways.</summary>
internal sealed class InfobipWhatsAppGateway(
    IInfobipConnectionSource connections,
    IInfobipWhatsAppClientFactory clients,
    IOptionsMonitor<InfobipClientOptions> clientOptions,
    TimeProvider clock) : IWhatsAppGateway
{
    // The catalogue changes rarely; validation and sends read it often.
    private static readonly TimeSpan CatalogueLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The most connection settings a catalogue or batcher is kept for: settings changed again and again (a rotated key) each add one.</summary>
    private const int MaxConnections = 1024;

    private readonly ConcurrentDictionary<ConnectionKey, (DateTimeOffset LoadedAt, IReadOnlyList<InfobipTemplate> Templates)> _catalogues = new();

    /// <summary>The template batcher of each connection, by the same key as the catalogue: another account never shares a request.</summary>
    private readonly ConcurrentDictionary<ConnectionKey, InfobipTemplateBatcher> _batchers = new();

    public async ValueTask<string?> GetSenderAsync(string connectionName, CancellationToken cancellationToken = default) =>
        (await connections.FindAsync(connectionName, cancellationToken).ConfigureAwait(false))?.Sender;

    public async Task<WhatsAppSendResult> SendAsync(string connectionName, WhatsAppOutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var connection = await connections.FindAsync(connectionName, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return WhatsAppSendResult.Failed(message.MessageId, WhatsAppFailureReason.UnknownConnection, $"there is no WhatsApp connection '{connectionName}'");
        }

        var client = clients.CreateClient(connection);
        var key = ConnectionKey.Of(connectionName, connection);
        var infobipMessage = await ToInfobipAsync(key, client, message, cancellationToken).ConfigureAwait(false);
        var result = infobipMessage is InfobipTemplateMessage template
            ? await BatcherOf(key).SendAsync(client, template, cancellationToken).ConfigureAwait(false)
            : await client.SendAsync(infobipMessage, cancellationToken).ConfigureAwait(false);
        return ToResult(result);
    }

    public async Task<IReadOnlyList<WhatsAppTemplateInfo>?> GetTemplatesAsync(string connectionName, CancellationToken cancellationToken = default)
    {
        var connection = await connections.FindAsync(connectionName, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return null;
        }

        var templates = await LoadCatalogueAsync(ConnectionKey.Of(connectionName, connection), clients.CreateClient(connection), cancellationToken).ConfigureAwait(false);
        return templates?.Select(t => new WhatsAppTemplateInfo(
            t.Name,
            t.Language,
            t.Status,
            t.BodyPlaceholderCount,
            t.Placeholders.Any(p => p.Kind == InfobipTemplatePlaceholderKind.MediaUrl),
            t.Placeholders.Count(p => p.Component == InfobipTemplateComponent.Button))).ToList();
    }

    /// <summary>Forgets every entry once <paramref name="map"/> holds <see cref="MaxConnections"/>: the connections in use add theirs again.</summary>
    private static void MakeRoom<TValue>(ConcurrentDictionary<ConnectionKey, TValue> map)
    {
        if (map.Count >= MaxConnections)
        {
            map.Clear();
        }
    }

    private InfobipTemplateBatcher BatcherOf(ConnectionKey key)
    {
        if (_batchers.TryGetValue(key, out var batcher))
        {
            return batcher;
        }

        // A batcher dropped here still sends what it holds; the connection's next sends gather in a new one.
        MakeRoom(_batchers);
        return _batchers.GetOrAdd(key, static (_, options) => new InfobipTemplateBatcher(options), clientOptions);
    }

    private async Task<IReadOnlyList<InfobipTemplate>?> LoadCatalogueAsync(ConnectionKey catalogueKey, IInfobipWhatsAppClient client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_catalogues.TryGetValue(catalogueKey, out var cached) && now - cached.LoadedAt < CatalogueLifetime)
        {
            return cached.Templates;
        }

        try
        {
            var templates = await client.GetTemplatesAsync(cancellationToken).ConfigureAwait(false);
            if (!_catalogues.ContainsKey(catalogueKey))
            {
                MakeRoom(_catalogues);
            }

            _catalogues[catalogueKey] = (now, templates);
            return templates;
        }
        catch (InfobipException)
        {
            // Unreadable now (bad key, Infobip down): checks that need it are skipped, sends report their own errors.
            return null;
        }
    }

    private async Task<InfobipMessage> ToInfobipAsync(ConnectionKey catalogueKey, IInfobipWhatsAppClient client, WhatsAppOutboundMessage message, CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case WhatsAppMessageKind.Template:
                var template = !string.IsNullOrEmpty(message.MediaUrl) || message.ButtonParameters.Count > 0
                    ? (await LoadCatalogueAsync(catalogueKey, client, cancellationToken).ConfigureAwait(false))?.FirstOrDefault(t => t.Name == message.TemplateName && t.Language == message.Language)
                    : null;
                InfobipTemplateHeader? header = null;
                if (!string.IsNullOrEmpty(message.MediaUrl))
                {
                    var format = template?.HeaderFormat ?? "IMAGE";
                    header = InfobipTemplateHeader.FromMedia(format, message.MediaUrl, format == "DOCUMENT" ? message.Filename ?? "document.pdf" : null);
                }

                return new InfobipTemplateMessage
                {
                    To = message.To,
                    MessageId = message.MessageId,
                    CallbackData = message.CallbackData,
                    TemplateName = message.TemplateName ?? string.Empty,
                    Language = message.Language ?? "en",
                    BodyPlaceholders = message.Placeholders,
                    Header = header,
                    Buttons = TemplateButtons(template, message.ButtonParameters),
                };
            case WhatsAppMessageKind.Text:
                return new InfobipTextMessage { To = message.To, MessageId = message.MessageId, CallbackData = message.CallbackData, Text = message.Text ?? string.Empty };
            case WhatsAppMessageKind.Buttons:
                return new InfobipInteractiveButtonsMessage
                {
                    To = message.To,
                    MessageId = message.MessageId,
                    CallbackData = message.CallbackData,
                    BodyText = message.Text ?? string.Empty,
                    Buttons = message.Buttons.Select(b => new InfobipReplyButton(b, b)).ToList(),
                };
            default:
                return new InfobipMediaMessage
                {
                    To = message.To,
                    MessageId = message.MessageId,
                    CallbackData = message.CallbackData,
                    Kind = message.Kind switch
                    {
                        WhatsAppMessageKind.Image => InfobipMediaKind.Image,
                        WhatsAppMessageKind.Document => InfobipMediaKind.Document,
                        WhatsAppMessageKind.Video => InfobipMediaKind.Video,
                        _ => InfobipMediaKind.Audio,
                    },
                    MediaUrl = message.MediaUrl ?? string.Empty,
                    Caption = message.Kind == WhatsAppMessageKind.Audio ? null : message.Caption,
                    Filename = message.Kind == WhatsAppMessageKind.Document ? message.Filename : null,
                };
        }
    }

    /// <summary>
    /// Pairs the values with the template's buttons that take one, in registered order, as Infobip
    /// wants them; without the catalogue the values are taken as quick-reply payloads.
    /// </summary>
    private static List<InfobipTemplateButton> TemplateButtons(InfobipTemplate? template, IReadOnlyList<string> parameters)
    {
        var types = template?.Buttons
            .Where(b => b.Type is "QUICK_REPLY" or "COPY_CODE" || (b.Type == "URL" && InfobipTemplateParser.PlaceholderNumbers(b.Url).Count > 0))
            .Select(b => b.Type)
            .ToList() ?? [];
        return parameters.Select((value, i) => new InfobipTemplateButton(i < types.Count ? types[i] : "QUICK_REPLY", value)).ToList();
    }

    private static WhatsAppSendResult ToResult(InfobipSendResult result)
    {
        if (result.Outcome == InfobipSendOutcome.Accepted)
        {
            return new WhatsAppSendResult
            {
                Status = WhatsAppSendStatus.Sent,
                MessageId = result.MessageId,
                VendorStatus = result.Status?.Name ?? "ACCEPTED",
                RawResponse = result.RawResponse,
            };
        }

        var error = result.Error!;
        var reason = result.Outcome == InfobipSendOutcome.OutcomeUnknown
            ? WhatsAppFailureReason.OutcomeUnknown
            : error.Kind switch
            {
                InfobipErrorKind.InvalidRequest when error.FieldErrors.Any(e => e.Field.EndsWith("to", StringComparison.Ordinal)) => WhatsAppFailureReason.InvalidNumber,
                InfobipErrorKind.InvalidRequest => WhatsAppFailureReason.InvalidMessage,
                InfobipErrorKind.Unauthorized or InfobipErrorKind.Forbidden => WhatsAppFailureReason.Unauthorized,
                InfobipErrorKind.TooManyRequests or InfobipErrorKind.RateLimited => WhatsAppFailureReason.RateLimited,
                InfobipErrorKind.ServerError or InfobipErrorKind.ConnectionFailed or InfobipErrorKind.CircuitOpen or InfobipErrorKind.Timeout or InfobipErrorKind.ConnectionLost => WhatsAppFailureReason.VendorUnavailable,
                _ => WhatsAppFailureReason.VendorRejected,
            };
        return new WhatsAppSendResult
        {
            Status = result.Outcome == InfobipSendOutcome.OutcomeUnknown ? WhatsAppSendStatus.Unknown : WhatsAppSendStatus.Failed,
            MessageId = result.MessageId,
            FailureReason = reason,
            VendorStatus = error.Code ?? error.Kind.ToString(),
            Detail = error.ToString(),
            RawResponse = result.RawResponse,
        };
    }

    /// <summary>
    /// The key of a connection's catalogue and batcher: its name and settings, so a connection changed at run time
    /// (another account, sender or key under the same name) never gets the old account's templates or requests.
    /// </summary>
    private readonly record struct ConnectionKey(string Name, InfobipConnectionSettings Settings)
    {
        public static ConnectionKey Of(string connectionName, InfobipConnectionOptions connection) => new(connectionName, InfobipConnectionSettings.Of(connection));
    }
}
