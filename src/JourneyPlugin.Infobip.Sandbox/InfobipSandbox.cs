using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using JourneyPlugin.Infobip.Sandbox.Conversations;
using JourneyPlugin.Infobip.Sandbox.Delivery;
using JourneyPlugin.Infobip.Sandbox.Http;
using JourneyPlugin.Infobip.Sandbox.Http.Control;
using JourneyPlugin.Infobip.Sandbox.Logging;
using JourneyPlugin.Infobip.Sandbox.Recording;
using JourneyPlugin.Infobip.Sandbox.Scheduling;
using JourneyPlugin.Infobip.Sandbox.Templates;
using JourneyPlugin.Infobip.Sandbox.Validation;
using JourneyPlugin.Infobip.Sandbox.Webhooks;
using JourneyPlugin.WhatsApp.PhoneNumbers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WireMock.Exceptions;
using WireMock.Server;
using WireMock.Settings;

namespace JourneyPlugin.Infobip.Sandbox;

/// <summary>
/// A local stand-in for Infobip's WhatsApp API on 127.0.0.1: it authenticates, validates and answers
/// like Infobip, posts delivery, seen and inbound webhooks, enforces the 24 hour window, lets
/// simulated customers reply, and suffers faults on demand.
/// </summary>
public sealed class InfobipSandbox : IAsyncDisposable, IDisposable
{
    // Wall-clock on purpose: it bounds shutdown, and a fake clock that nobody advances must not hang it.
    private static readonly TimeSpan DisposeGrace = TimeSpan.FromSeconds(5);

    private readonly WireMockServer _server;
    private readonly CancellationTokenSource _stopping;
    private readonly HttpClient _webhookClient;
    private readonly PendingWork _pending;
    private readonly MessageLog _messages;
    private readonly ReplyRuleBook _replyRules;
    private readonly ServiceWindows _windows;
    private readonly CustomerSimulator _customers;
    private readonly IReadOnlyList<string> _senders;
    private int _disposed;

    private InfobipSandbox(
        WireMockServer server,
        CancellationTokenSource stopping,
        HttpClient webhookClient,
        PendingWork pending,
        MessageLog messages,
        ReplyRuleBook replyRules,
        ServiceWindows windows,
        CustomerSimulator customers,
        IReadOnlyList<string> senders,
        SandboxFaults faults)
    {
        _server = server;
        _stopping = stopping;
        _webhookClient = webhookClient;
        _pending = pending;
        _messages = messages;
        _replyRules = replyRules;
        _windows = windows;
        _customers = customers;
        _senders = senders;
        Faults = faults;
        BaseUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{server.Port}"));
    }

    /// <summary>Where the sandbox listens, e.g. <c>http://127.0.0.1:9090</c>; use it as the Infobip base URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The registered sender numbers.</summary>
    public IReadOnlyList<string> Senders => _senders;

    /// <summary>Every message accepted so far, in order, duplicates included.</summary>
    public IReadOnlyList<SandboxMessage> AcceptedMessages => _messages.Snapshot();

    /// <summary>Faults the send endpoints suffer on demand.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>Starts a sandbox listening on 127.0.0.1.</summary>
    /// <param name="options">The configuration; copied, so later changes have no effect.</param>
    /// <param name="loggerFactory">Where the sandbox logs; nowhere if null.</param>
    /// <param name="timeProvider">The clock for timestamps, delays and the 24 h window; the system clock if null.</param>
    /// <exception cref="ArgumentException">A setting cannot work.</exception>
    /// <exception cref="InvalidOperationException">The port cannot be listened on.</exception>
    public static InfobipSandbox Start(InfobipSandboxOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        options = options.Snapshot();

        var time = timeProvider ?? TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<InfobipSandbox>();
        var stopping = new CancellationTokenSource();
        var webhookClient = new HttpClient { Timeout = options.WebhookTimeout };
        try
        {
            var pending = new PendingWork();
            var scheduler = new Scheduler(time, pending, logger, stopping.Token);
            var webhooks = new WebhookDispatcher(webhookClient, options, time, pending, logger, stopping.Token);
            var messages = new MessageLog();
            var windows = new ServiceWindows(time);
            var replyRules = new ReplyRuleBook(options.ReplyRules);
            var customers = new CustomerSimulator(options, windows, webhooks, time, logger);
            var delivery = new DeliverySimulator(options, scheduler, webhooks, replyRules, customers, time, logger);
            var acceptor = new MessageAcceptor(options, messages, windows, delivery, time, logger);
            var faults = new SandboxFaults(options.LostResponseHold);
            var authenticator = new ApiKeyAuthenticator(options.ApiKey);
            var faultGate = new FaultGate(faults, time, logger, stopping.Token);
            var catalog = new TemplateCatalog(options.Templates);
            var validator = new MessageValidator(catalog);
            var senders = options.Senders;

            var endpoints = new SandboxEndpoints(
                new SendMessageEndpoint(authenticator, faultGate, validator, senders, acceptor, logger),
                new SendTemplateEndpoint(authenticator, faultGate, validator, senders, acceptor, logger),
                new TemplatesEndpoint(authenticator, senders, catalog, logger),
                new MessagesEndpoint(messages),
                new RepliesEndpoint(customers),
                new FaultsEndpoint(faults),
                new HealthEndpoint(senders, messages, pending));

            var server = StartServer(options.Port);
            SandboxRoutes.Map(server, endpoints, logger);

            var sandbox = new InfobipSandbox(server, stopping, webhookClient, pending, messages, replyRules, windows, customers, senders, faults);
            SandboxLog.Started(logger, sandbox.BaseUrl, string.Join(", ", senders.Select(PhoneNumber.Redact)));
            return sandbox;
        }
        catch
        {
            webhookClient.Dispose();
            stopping.Dispose();
            throw;
        }
    }

    /// <summary>Adds a rule by which simulated customers answer the messages accepted from now on.</summary>
    public void AddReplyRule(SandboxReplyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        _replyRules.Add(rule);
    }

    /// <summary>Opens (or renews) the 24 h window as if <paramref name="customer"/> had just written to <paramref name="sender"/>.</summary>
    public void OpenServiceWindow(string sender, string customer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        ArgumentException.ThrowIfNullOrWhiteSpace(customer);
        _windows.Open(sender, customer);
    }

    /// <summary>
    /// A customer writes <paramref name="text"/>: their window opens and Infobip's inbound message
    /// webhook is posted to <see cref="InfobipSandboxOptions.InboundMessageUrl"/>. Completes once it was posted.
    /// </summary>
    /// <param name="customer">The customer's number, country code and digits only.</param>
    /// <param name="text">What the customer writes.</param>
    /// <param name="sender">The sender written to; by default the one that last wrote to the customer, else the first sender.</param>
    /// <param name="cancellationToken">Stops waiting for the webhook (the message itself is not withdrawn).</param>
    /// <exception cref="ArgumentException">The number, text or sender is not valid.</exception>
    /// <exception cref="HttpRequestException">The inbound URL did not accept the webhook, retries included.</exception>
    public async Task PostInboundTextAsync(string customer, string text, string? sender = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_customers.Check(customer, sender, text, out var resolvedSender) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var outcome = await _customers.WriteAsync(customer, resolvedSender, text, buttonPayload: null, pairedMessageId: null)
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);

        if (!outcome.Posted && _customers.HasInboundUrl)
        {
            throw new HttpRequestException($"The inbound message webhook for message {outcome.MessageId} was not accepted by the inbound URL.");
        }
    }

    /// <summary>Completes when every scheduled report, reply and webhook has been posted (or given up).</summary>
    public Task WaitForWebhooksAsync(CancellationToken cancellationToken = default) => _pending.WaitForIdleAsync(cancellationToken);

    /// <summary>Stops the sandbox; scheduled reports not yet posted are dropped.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _pending.WaitForIdleAsync(CancellationToken.None).WaitAsync(DisposeGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Whatever is still running is cancelled and ends on its own.
        }

        Release();
        var deadline = Environment.TickCount64 + (long)DisposeGrace.TotalMilliseconds;
        while (!PortReleased(deadline))
        {
            await Task.Delay(10).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the sandbox; scheduled reports not yet posted are dropped.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        Release();
        var deadline = Environment.TickCount64 + (long)DisposeGrace.TotalMilliseconds;
        while (!PortReleased(deadline))
        {
            Thread.Sleep(10);
        }
    }

    private static WireMockServer StartServer(int port)
    {
        if (port != 0)
        {
            // WireMock only notices a taken port when its start times out (10 s); a trial bind says so at once.
            EnsurePortIsFree(port);
        }

        // WireMock binds "127.0.0.1:<port>" to both loopbacks (IPv4 and [::1]); "127.1" is the same
        // IPv4 address written so that WireMock binds exactly 127.0.0.1, as promised.
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.1:{port}");
        try
        {
            return WireMockServer.Start(new WireMockServerSettings
            {
                Urls = [url],
                DisableJsonBodyParsing = true,
                MaxRequestLogCount = 0,
            });
        }
        catch (Exception e) when (e is WireMockException or TimeoutException or IOException)
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"The Infobip sandbox could not listen on 127.0.0.1:{port}: {e.Message}"), e);
        }
    }

    private static void EnsurePortIsFree(int port)
    {
        if (!TryBind(port, out var error))
        {
            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"The Infobip sandbox could not listen on 127.0.0.1:{port}: {error.Message}"), error);
        }
    }

    /// <summary>Whether nothing listens on 127.0.0.1:<paramref name="port"/>, by binding (not connecting) a trial socket.</summary>
    private static bool TryBind(int port, [NotNullWhen(false)] out SocketException? error)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        // As Kestrel does: connections lingering in TIME_WAIT do not make the port busy, a listener does.
        probe.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
            error = null;
            return true;
        }
        catch (SocketException e)
        {
            error = e;
            return false;
        }
    }

    private void Release()
    {
        _server.Stop();
        _server.Dispose();
        _webhookClient.Dispose();
        _stopping.Dispose();
    }

    /// <summary>
    /// WireMock's Stop can return while Kestrel is still unbinding; a caller that restarts on the same
    /// port right after disposing must find it free.
    /// </summary>
    private bool PortReleased(long deadline) => TryBind(BaseUrl.Port, out _) || Environment.TickCount64 > deadline;
}
