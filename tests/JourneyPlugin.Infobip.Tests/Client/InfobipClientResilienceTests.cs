using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Messages;
using JourneyPlugin.Testing;
using WireMock.RequestBuilders;
using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;
using WireMock.Server;

namespace JourneyPlugin.Infobip.Tests.Client;

/// <summary>
/// Only what Infobip provably did not accept is retried; anything that may have reached it is
/// reported as outcome unknown and sent exactly once.
/// </summary>
public sealed class InfobipClientResilienceTests
{
    private static readonly InfobipTextMessage Message = new() { To = "84912345678", MessageId = "m-1", Text = "Hi" };

    private static void Answer(WireMockServer server, string scenario, string state, string? nextState, int status, string body, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status).WithBody(body);
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        var request = server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost()).InScenario(scenario).WhenStateIs(state);
        (nextState is null ? request : request.WillSetStateTo(nextState)).RespondWith(response);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_retry_after_delay_and_then_accepted()
    {
        using var harness = new InfobipClientHarness();
        harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost()).InScenario("s").WillSetStateTo("throttled")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody(InfobipResponses.LegacyError("TOO_MANY_REQUESTS", "Too many requests")));
        Answer(harness.Server, "s", "throttled", null, 200, InfobipResponses.Single("84912345678", "m-1"));

        var result = await harness.CreateClient().SendAsync(Message);

        Assert.Equal(InfobipSendOutcome.Accepted, result.Outcome);
        var entries = harness.Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();
        Assert.Equal(2, entries.Count);
        var gap = entries[1].RequestMessage.DateTime - entries[0].RequestMessage.DateTime;
        Assert.True(gap >= TimeSpan.FromMilliseconds(900), $"The retry came {gap.TotalMilliseconds} ms after the 429 that asked for 1 s.");
    }

    [Fact]
    public async Task A_503_is_retried_with_back_off()
    {
        using var harness = new InfobipClientHarness();
        harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost()).InScenario("s").WillSetStateTo("down")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody(InfobipResponses.LegacyError("GENERAL_ERROR", "Service unavailable")));
        Answer(harness.Server, "s", "down", null, 200, InfobipResponses.Single("84912345678", "m-1"));

        var result = await harness.CreateClient().SendAsync(Message);

        Assert.Equal(InfobipSendOutcome.Accepted, result.Outcome);
        Assert.Equal(2, harness.Server.LogEntries.Count);
    }

    [Fact]
    public async Task Persistent_429_gives_up_after_the_configured_retries_and_reports_it()
    {
        using var harness = new InfobipClientHarness(o => o.MaxRetryAttempts = 2);
        harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithBody(InfobipResponses.LegacyError("TOO_MANY_REQUESTS", "Too many requests")));

        var result = await harness.CreateClient().SendAsync(Message);

        Assert.Equal(InfobipSendOutcome.Failed, result.Outcome);
        Assert.Equal(InfobipErrorKind.TooManyRequests, result.Error!.Kind);
        Assert.Equal(3, harness.Server.LogEntries.Count);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_maximum_is_handed_back_instead_of_waited_for()
    {
        using var harness = new InfobipClientHarness(o => o.MaxRetryDelay = TimeSpan.FromSeconds(5));
        harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "3600").WithBody(InfobipResponses.LegacyError("TOO_MANY_REQUESTS", "Too many requests")));

        var result = await harness.CreateClient().SendAsync(Message);

        Assert.Equal(InfobipErrorKind.TooManyRequests, result.Error!.Kind);
        Assert.Equal(TimeSpan.FromHours(1), result.Error.RetryAfter);
        Assert.Single(harness.Server.LogEntries);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_server_error_that_may_follow_acceptance_is_not_retried_and_is_outcome_unknown(int status)
    {
        using var harness = new InfobipClientHarness();
        harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody(InfobipResponses.LegacyError("GENERAL_ERROR", "Something went wrong. Please contact support.")));

        var result = await harness.CreateClient().SendAsync(Message);

        Assert.Equal(InfobipSendOutcome.OutcomeUnknown, result.Outcome);
        Assert.Equal(InfobipErrorKind.ServerError, result.Error!.Kind);
        Assert.Single(harness.Server.LogEntries);
    }

    [Fact]
    public async Task A_timeout_after_the_request_left_is_outcome_unknown_and_not_retried()
    {
        // A second of time-out: on a loaded machine a shorter one can expire before the server has read the request.
        using var harness = new InfobipClientHarness(o => o.RequestTimeout = TimeSpan.FromSeconds(1));
        var received = 0;
        harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost())
            .RespondWith(Response.Create().WithCallback(async _ =>
            {
                // Counted on arrival: WireMock does not log a request whose client gave up.
                Interlocked.Increment(ref received);
                await Task.Delay(TimeSpan.FromSeconds(3));
                return new ResponseMessage { StatusCode = 200, BodyData = new BodyData { DetectedBodyType = BodyType.String, BodyAsString = InfobipResponses.Single("84912345678", "m-1") } };
            }));

        var result = await harness.CreateClient().SendAsync(Message);

        Assert.Equal(InfobipSendOutcome.OutcomeUnknown, result.Outcome);
        Assert.Equal(InfobipErrorKind.Timeout, result.Error!.Kind);
        Assert.Equal("m-1", result.MessageId);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, Volatile.Read(ref received));
    }

    [Fact]
    public async Task A_connection_reset_after_the_request_was_read_is_outcome_unknown_and_not_retried()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var requestsRead = 0;
        var server = Task.Run(async () =>
        {
            // A server that reads each request and then drops the connection without answering.
            while (true)
            {
                using var socket = await listener.AcceptSocketAsync();
                var buffer = new byte[8192];
                await socket.ReceiveAsync(buffer);
                Interlocked.Increment(ref requestsRead);
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
        });
        using var harness = new InfobipClientHarness(startServer: false);

        var result = await harness.CreateClient($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}").SendAsync(Message);

        Assert.Equal(InfobipSendOutcome.OutcomeUnknown, result.Outcome);
        Assert.Equal(InfobipErrorKind.ConnectionLost, result.Error!.Kind);
        Assert.Equal(1, Volatile.Read(ref requestsRead));
        listener.Stop();
    }

    [Fact]
    public async Task A_failed_connect_is_provably_not_sent_so_it_is_retried_until_infobip_is_back()
    {
        var port = TestPorts.Next();
        using var harness = new InfobipClientHarness(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(400), startServer: false);
        WireMockServer? late = null;
        var starter = Task.Run(async () =>
        {
            await Task.Delay(300);
            late = WireMockServer.Start(port);
            late.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost())
                .RespondWith(Response.Create().WithStatusCode(200).WithBody(InfobipResponses.Single("84912345678", "m-1")));
        });

        try
        {
            var result = await harness.CreateClient($"http://127.0.0.1:{port}").SendAsync(Message);
            await starter;

            Assert.Equal(InfobipSendOutcome.Accepted, result.Outcome);
            Assert.Single(late!.LogEntries);
        }
        finally
        {
            late?.Stop();
        }
    }

    [Fact]
    public async Task Nothing_listening_is_a_failed_connect_reported_as_not_sent()
    {
        using var harness = new InfobipClientHarness(o => o.MaxRetryAttempts = 1, startServer: false);

        var result = await harness.CreateClient($"http://127.0.0.1:{TestPorts.Next()}").SendAsync(Message);

        Assert.Equal(InfobipSendOutcome.Failed, result.Outcome);
        Assert.Equal(InfobipErrorKind.ConnectionFailed, result.Error!.Kind);
    }

    [Fact]
    public async Task The_circuit_breaker_is_per_base_url()
    {
        using var harness = new InfobipClientHarness(o =>
        {
            o.MaxRetryAttempts = 0;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerFailureRatio = 0.5;
            o.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(1);
        });
        harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(500).WithBody(InfobipResponses.LegacyError("GENERAL_ERROR", "Something went wrong. Please contact support.")));
        using var healthy = WireMockServer.Start();
        healthy.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(InfobipResponses.Single("84912345678", "m-1")));
        var failing = harness.CreateClient();
        var other = harness.CreateClient(healthy.Url);

        var first = await failing.SendAsync(Message);
        var second = await failing.SendAsync(Message);
        var third = await failing.SendAsync(Message);
        var elsewhere = await other.SendAsync(Message);

        Assert.Equal(InfobipErrorKind.ServerError, first.Error!.Kind);
        Assert.Equal(InfobipErrorKind.ServerError, second.Error!.Kind);
        Assert.Equal(InfobipErrorKind.CircuitOpen, third.Error!.Kind);
        Assert.Equal(InfobipSendOutcome.Failed, third.Outcome);
        Assert.Equal(2, harness.Server.LogEntries.Count);
        Assert.Equal(InfobipSendOutcome.Accepted, elsewhere.Outcome);
        healthy.Stop();
    }

    [Fact]
    public async Task Cancelling_a_send_throws_operation_cancelled()
    {
        using var harness = new InfobipClientHarness();
        harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(3)).WithBody("{}"));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.CreateClient().SendAsync(Message, cancellation.Token));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2));
    }
}
