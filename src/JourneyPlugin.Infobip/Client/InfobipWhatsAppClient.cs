using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Infobip.Messages;
using JourneyPlugin.Infobip.Templates;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace JourneyPlugin.Infobip.Client;

/// <summary>The Infobip WhatsApp client of one connection; create it through <see cref="IInfobipWhatsAppClientFactory"/>.</summary>
internal sealed class InfobipWhatsAppClient : IInfobipWhatsAppClient
{
    /// <summary>The name of the <see cref="HttpClient"/> whose handlers carry the resilience pipeline.</summary>
    public const string HttpClientName = "JourneyPlugin.Infobip";

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _baseUri;
    private readonly AuthenticationHeaderValue _authorization;
    private readonly Uri? _notifyUrl;
    private readonly RateLimiter? _rateLimiter;
    private readonly TimeSpan _requestTimeout;
    private readonly ILogger _logger;

    public InfobipWhatsAppClient(HttpClient http, Uri baseUri, InfobipConnectionOptions connection, RateLimiter? rateLimiter, InfobipClientOptions clientOptions, ILogger logger)
    {
        _http = http;
        _baseUri = baseUri;
        _authorization = new AuthenticationHeaderValue("App", connection.ApiKey);
        Sender = connection.Sender;
        _notifyUrl = connection.NotifyUrl;
        _rateLimiter = rateLimiter;
        _requestTimeout = clientOptions.RequestTimeout;
        _logger = logger;
    }

    public string Sender { get; }

    public async Task<InfobipSendResult> SendAsync(InfobipMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is InfobipTemplateMessage template)
        {
            return (await SendTemplatesAsync([template], null, cancellationToken).ConfigureAwait(false))[0];
        }

        var errors = new List<InfobipFieldError>();
        var to = InfobipMessageValidator.Validate(message, string.Empty, errors);
        if (errors.Count > 0)
        {
            return Invalid(message, errors);
        }

        var envelope = new InfobipRequestWriter.Envelope(message, Sender, to!, message.NotifyUrl ?? _notifyUrl);
        var reply = await PostAsync(message.Path, InfobipRequestWriter.WriteSingle(envelope), 1, cancellationToken).ConfigureAwait(false);
        return ToResults(reply, [envelope], bulk: false)[0];
    }

    public async Task<IReadOnlyList<InfobipSendResult>> SendTemplatesAsync(IReadOnlyList<InfobipTemplateMessage> messages, string? bulkId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return [];
        }

        var errors = new List<InfobipFieldError>();
        var envelopes = new List<InfobipRequestWriter.Envelope>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i] ?? throw new ArgumentException($"messages[{i}] is null.", nameof(messages));
            var to = InfobipMessageValidator.Validate(message, messages.Count == 1 ? string.Empty : $"messages[{i}].", errors);
            envelopes.Add(new(message, Sender, to ?? message.To, message.NotifyUrl ?? _notifyUrl));
        }

        if (bulkId is { Length: > 100 })
        {
            errors.Add(new("bulkId", $"must be at most 100 characters (got {bulkId.Length})"));
        }

        // One bad message fails the whole call, as Infobip would; nothing is sent.
        if (errors.Count > 0)
        {
            return messages.Select(m => Invalid(m, errors)).ToList();
        }

        var body = InfobipRequestWriter.WriteTemplateBulk(envelopes, bulkId);
        var reply = await PostAsync(messages[0].Path, body, messages.Count, cancellationToken).ConfigureAwait(false);
        return ToResults(reply, envelopes, bulk: true);
    }

    public async Task<IReadOnlyList<InfobipTemplate>> GetTemplatesAsync(CancellationToken cancellationToken = default)
    {
        var reply = await ExchangeAsync(HttpMethod.Get, $"whatsapp/2/senders/{Uri.EscapeDataString(Sender)}/templates", null, cancellationToken).ConfigureAwait(false);
        if (reply.TransportError is { } transportError)
        {
            throw new InfobipException(transportError, reply.Exception);
        }

        if (!IsSuccess(reply.StatusCode))
        {
            throw new InfobipException(InfobipErrorParser.Parse(reply.StatusCode, reply.Body, reply.RetryAfter));
        }

        try
        {
            var templates = InfobipTemplateParser.Parse(reply.Body ?? string.Empty);
            InfobipLog.TemplatesLoaded(_logger, templates.Count, Sender);
            return templates;
        }
        catch (JsonException e)
        {
            throw new InfobipException(new InfobipError
            {
                Kind = InfobipErrorKind.UnexpectedResponse,
                HttpStatusCode = (int)reply.StatusCode,
                Message = $"Infobip's template list could not be read: {e.Message}",
                RawBody = reply.Body,
            }, e);
        }
    }

    public override string ToString() => $"Infobip WhatsApp client for {_baseUri.Authority}, sender {Sender}";

    private async Task<Reply> PostAsync(string path, byte[] body, int messageCount, CancellationToken cancellationToken)
    {
        if (_rateLimiter is not null)
        {
            for (var i = 0; i < messageCount; i++)
            {
                using var lease = await _rateLimiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
                if (!lease.IsAcquired)
                {
                    return Reply.Failure(InfobipSendOutcome.Failed, new InfobipError
                    {
                        Kind = InfobipErrorKind.RateLimited,
                        Message = $"The rate limiter of sender {Sender} has too many sends waiting; nothing was sent",
                    });
                }
            }
        }

        return await ExchangeAsync(HttpMethod.Post, path, body, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Reply> ExchangeAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_baseUri, path));
        request.Headers.Authorization = _authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonContentType;
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is BrokenCircuitException or IsolatedCircuitException)
        {
            return Reply.Failure(InfobipSendOutcome.Failed, new InfobipError
            {
                Kind = InfobipErrorKind.CircuitOpen,
                Message = $"Calls to {_baseUri.Authority} are paused after repeated failures; nothing was sent",
            }, e);
        }
        catch (HttpRequestException e) when (IsConnectFailure(e))
        {
            return Reply.Failure(InfobipSendOutcome.Failed, new InfobipError
            {
                Kind = InfobipErrorKind.ConnectionFailed,
                Message = $"Could not connect to {_baseUri.Authority} ({e.HttpRequestError}); nothing was sent",
            }, e);
        }
        catch (Exception e) when (e is TimeoutRejectedException or OperationCanceledException)
        {
            return Reply.Failure(InfobipSendOutcome.OutcomeUnknown, new InfobipError
            {
                Kind = InfobipErrorKind.Timeout,
                Message = $"No answer from {_baseUri.Authority} within {_requestTimeout.TotalSeconds:0.#} s; the request may have been received",
            }, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return Reply.Failure(InfobipSendOutcome.OutcomeUnknown, new InfobipError
            {
                Kind = InfobipErrorKind.ConnectionLost,
                Message = $"The connection to {_baseUri.Authority} was lost before an answer was read; the request may have been received",
            }, e);
        }

        using (response)
        {
            var retryAfter = InfobipRetryAfter.Read(response);
            try
            {
                // The pipeline's timeout covers only the headers; the body gets its own limit.
                using var bodyTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                bodyTimeout.CancelAfter(_requestTimeout);
                var text = await response.Content.ReadAsStringAsync(bodyTimeout.Token).ConfigureAwait(false);
                return new Reply(response.StatusCode, text, retryAfter, null, null, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
            {
                // The status line arrived, so a 2xx means accepted even without its body.
                return IsSuccess(response.StatusCode)
                    ? new Reply(response.StatusCode, null, retryAfter, null, null, null)
                    : Reply.Failure(InfobipSendOutcome.OutcomeUnknown, new InfobipError
                    {
                        Kind = InfobipErrorKind.ConnectionLost,
                        HttpStatusCode = (int)response.StatusCode,
                        Message = $"The answer from {_baseUri.Authority} (HTTP {(int)response.StatusCode}) was cut off",
                    }, e);
            }
        }
    }

    private List<InfobipSendResult> ToResults(Reply reply, List<InfobipRequestWriter.Envelope> envelopes, bool bulk)
    {
        var results = new List<InfobipSendResult>(envelopes.Count);
        if (reply.TransportError is { } transportError)
        {
            foreach (var envelope in envelopes)
            {
                if (reply.TransportOutcome == InfobipSendOutcome.OutcomeUnknown)
                {
                    InfobipLog.SendOutcomeUnknown(_logger, envelope.Message.MessageId, PhoneNumber.Redact(envelope.To), transportError.Kind, reply.Exception);
                }
                else
                {
                    InfobipLog.SendFailed(_logger, envelope.Message.MessageId, PhoneNumber.Redact(envelope.To), transportError.Kind, null, transportError.Message);
                }

                results.Add(new InfobipSendResult
                {
                    Outcome = reply.TransportOutcome,
                    MessageId = envelope.Message.MessageId,
                    To = envelope.To,
                    Error = transportError,
                });
            }

            return results;
        }

        var status = (int)reply.StatusCode;
        if (!IsSuccess(reply.StatusCode))
        {
            var error = InfobipErrorParser.Parse(reply.StatusCode, reply.Body, reply.RetryAfter);

            // 503 is refused before processing; other 5xx may come after the message was taken.
            var outcome = status is >= 500 and not 503 ? InfobipSendOutcome.OutcomeUnknown : InfobipSendOutcome.Failed;
            foreach (var envelope in envelopes)
            {
                if (outcome == InfobipSendOutcome.OutcomeUnknown)
                {
                    InfobipLog.SendOutcomeUnknown(_logger, envelope.Message.MessageId, PhoneNumber.Redact(envelope.To), error.Kind, null);
                }
                else
                {
                    InfobipLog.SendFailed(_logger, envelope.Message.MessageId, PhoneNumber.Redact(envelope.To), error.Kind, status, error.Message);
                }

                results.Add(new InfobipSendResult
                {
                    Outcome = outcome,
                    MessageId = envelope.Message.MessageId,
                    To = envelope.To,
                    Error = error,
                    HttpStatusCode = status,
                    RawResponse = reply.Body,
                });
            }

            return results;
        }

        var infos = InfobipSendResponseReader.Read(reply.Body, bulk, out var bulkId);
        for (var i = 0; i < envelopes.Count; i++)
        {
            var envelope = envelopes[i];
            var info = infos.FirstOrDefault(x => x.MessageId == envelope.Message.MessageId) ?? (i < infos.Count ? infos[i] : null);
            InfobipLog.SendAccepted(_logger, envelope.Message.MessageId, PhoneNumber.Redact(envelope.To), info?.Status?.Name);
            results.Add(new InfobipSendResult
            {
                Outcome = InfobipSendOutcome.Accepted,
                MessageId = info?.MessageId ?? envelope.Message.MessageId,
                To = info?.To ?? envelope.To,
                Status = info?.Status,
                BulkId = bulkId,
                HttpStatusCode = status,
                // A message of a bulk gets its own part: the others' numbers are not its business.
                RawResponse = envelopes.Count == 1 ? reply.Body : info?.Json,
            });
        }

        return results;
    }

    private InfobipSendResult Invalid(InfobipMessage message, List<InfobipFieldError> errors)
    {
        InfobipLog.SendInvalid(_logger, message.MessageId, string.Join(", ", errors.Select(e => e.Field)));
        return new InfobipSendResult
        {
            Outcome = InfobipSendOutcome.Failed,
            MessageId = message.MessageId,
            To = message.To,
            Error = new InfobipError
            {
                Kind = InfobipErrorKind.InvalidRequest,
                Message = "The message is invalid and was not sent",
                FieldErrors = errors.ToArray(),
            },
        };
    }

    private static bool IsSuccess(HttpStatusCode statusCode) => (int)statusCode is >= 200 and <= 299;

    /// <summary>Failures that happen before a single byte of the request could reach Infobip.</summary>
    internal static bool IsConnectFailure(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError;

    private sealed record Reply(HttpStatusCode StatusCode, string? Body, TimeSpan? RetryAfter, InfobipError? TransportError, InfobipSendOutcome? Outcome, Exception? Exception)
    {
        public InfobipSendOutcome TransportOutcome => Outcome ?? InfobipSendOutcome.OutcomeUnknown;

        public static Reply Failure(InfobipSendOutcome outcome, InfobipError error, Exception? exception = null) =>
            new(default, null, null, error, outcome, exception);
    }
}
