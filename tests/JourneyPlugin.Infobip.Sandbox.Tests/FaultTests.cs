using System.Diagnostics;
using System.Net;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class FaultTests : SandboxTest
{
    [Fact]
    public async Task A_burst_of_429s_with_Retry_After_ends_in_success()
    {
        Sandbox.Faults.AddTooManyRequests(2, retryAfter: TimeSpan.FromSeconds(2.5));

        using var first = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(messageId: "m-1"));
        using var second = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(messageId: "m-1"));
        using var third = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(messageId: "m-1"));

        foreach (var refused in new[] { first, second })
        {
            var exception = await InfobipErrorAssert.IsErrorAsync(refused, HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS");
            Assert.Equal("Too many requests", exception.GetProperty("text").GetString());
            Assert.Equal(TimeSpan.FromSeconds(3), refused.Headers.RetryAfter?.Delta);
        }

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal("m-1", Assert.Single(Sandbox.AcceptedMessages).MessageId);
        Assert.Equal(0, Sandbox.Faults.Remaining);
    }

    [Fact]
    public async Task A_429_without_Retry_After_has_no_header()
    {
        Sandbox.Faults.AddTooManyRequests(1);

        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer()));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Empty(Sandbox.AcceptedMessages);
    }

    [Theory]
    [InlineData(500, "Something went wrong. Please contact support.")]
    [InlineData(503, "Service temporarily unavailable. Please try again later.")]
    public async Task Server_errors_refuse_the_message(int statusCode, string text)
    {
        Sandbox.Faults.AddServerErrors(2, statusCode);

        using var first = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        using var second = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer()));
        using var third = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());

        foreach (var refused in new[] { first, second })
        {
            var exception = await InfobipErrorAssert.IsErrorAsync(refused, (HttpStatusCode)statusCode, "GENERAL_ERROR");
            Assert.Equal(text, exception.GetProperty("text").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Single(Sandbox.AcceptedMessages);
    }

    [Fact]
    public async Task Latency_delays_only_the_given_number_of_requests()
    {
        Sandbox.Faults.AddLatency(1, TimeSpan.FromMilliseconds(400));

        var slow = Stopwatch.StartNew();
        using var first = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        slow.Stop();
        var fast = Stopwatch.StartNew();
        using var second = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        fast.Stop();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(slow.Elapsed >= TimeSpan.FromMilliseconds(390), $"The slow request took {slow.Elapsed}");
        Assert.True(fast.Elapsed < slow.Elapsed, $"The second request took {fast.Elapsed}, the first {slow.Elapsed}");
        Assert.Equal(2, Sandbox.AcceptedMessages.Count);
    }

    [Fact]
    public async Task A_lost_response_times_the_client_out_yet_the_message_is_recorded_and_reported()
    {
        Sandbox.Faults.AddLostResponses(1, holdFor: TimeSpan.FromSeconds(30));
        using var impatient = TestSandbox.Client(Sandbox, timeout: TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAsync<TaskCanceledException>(() =>
            impatient.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer(messageId: "ledger-42"))));

        // The customer got it: it is recorded and its delivery report arrives, as evidence for an exactly-once sender.
        Assert.Equal("ledger-42", Assert.Single(Sandbox.AcceptedMessages).MessageId);
        var report = await Receiver.WaitForAsync(r => r.Path == "/dlr");
        Assert.Equal("ledger-42", report.Results[0].GetProperty("messageId").GetString());
        Assert.Equal("DELIVERED_TO_HANDSET", report.Results[0].GetProperty("status").GetProperty("name").GetString());

        // Only that one response was lost.
        using var next = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_lost_response_is_answered_after_the_hold()
    {
        Sandbox.Faults.AddLostResponses(1, holdFor: TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        using var response = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(messageId: "late"));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(290), $"Answered after {clock.Elapsed}");
        Assert.Equal("late", (await response.JsonAsync()).GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Faults_hit_in_the_order_they_were_queued()
    {
        Sandbox.Faults.AddServerErrors(1, 503);
        Sandbox.Faults.AddTooManyRequests(1);

        using var first = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        using var second = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests], new[] { first.StatusCode, second.StatusCode });
    }

    [Fact]
    public async Task Unauthenticated_requests_and_control_endpoints_do_not_use_up_faults()
    {
        Sandbox.Faults.AddServerErrors(1);
        using var anonymous = TestSandbox.Client(Sandbox, apiKey: null);

        using var unauthorized = await anonymous.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        using var templates = await Client.GetAsync(new Uri($"/whatsapp/2/senders/{TestSandbox.Sender}/templates", UriKind.Relative));
        using var health = await Client.GetAsync(new Uri("/sandbox/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal(HttpStatusCode.OK, templates.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(1, Sandbox.Faults.Remaining);
    }

    [Fact]
    public void Impossible_faults_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sandbox.Faults.AddServerErrors(1, 502));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sandbox.Faults.AddTooManyRequests(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sandbox.Faults.AddLatency(1, TimeSpan.FromSeconds(-1)));
    }
}
