using System.Diagnostics;
using System.Net;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

/// <summary>Faults set over HTTP, as for a standalone sandbox; no API key needed.</summary>
public sealed class FaultEndpointTests : SandboxTest
{
    [Fact]
    public async Task Faults_posted_over_http_hit_the_next_sends()
    {
        using var control = new HttpClient { BaseAddress = Sandbox.BaseUrl };

        using var added429 = await control.PostJsonAsync("/sandbox/faults", """{"kind":"tooManyRequests","count":1,"retryAfterSeconds":2}""");
        using var added503 = await control.PostJsonAsync("/sandbox/faults", """{"kind":"serverError","count":1,"statusCode":503}""");
        using var addedLatency = await control.PostJsonAsync("/sandbox/faults", """{"kind":"latency","count":1,"delayMs":300}""");
        using var addedLost = await control.PostJsonAsync("/sandbox/faults", """{"kind":"lostResponse","count":1,"holdMs":300}""");

        Assert.Equal(HttpStatusCode.OK, addedLost.StatusCode);
        var pending = (await addedLost.JsonAsync()).GetProperty("pending").EnumerateArray().ToList();
        Assert.Equal(["tooManyRequests", "serverError", "latency", "lostResponse"], pending.Select(p => p.GetProperty("kind").GetString()));

        using var tooMany = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), tooMany.Headers.RetryAfter?.Delta);

        using var unavailable = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);

        var clock = Stopwatch.StartNew();
        using var slow = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        using var held = await Client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(580), $"Latency and hold took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Equal(2, Sandbox.AcceptedMessages.Count);

        using var list = await control.GetAsync(new Uri("/sandbox/faults", UriKind.Relative));
        Assert.Empty((await list.JsonAsync()).GetProperty("pending").EnumerateArray());
    }

    [Fact]
    public async Task Clear_forgets_queued_faults()
    {
        using var control = new HttpClient { BaseAddress = Sandbox.BaseUrl };
        using var added = await control.PostJsonAsync("/sandbox/faults", """{"kind":"serverError","count":5}""");

        using var cleared = await control.PostJsonAsync("/sandbox/faults", """{"kind":"clear"}""");

        Assert.Empty((await cleared.JsonAsync()).GetProperty("pending").EnumerateArray());
        Assert.Equal(0, Sandbox.Faults.Remaining);
    }

    [Theory]
    [InlineData("not json", "JSON object")]
    [InlineData("""{"kind":"meteorStrike"}""", "'kind' must be")]
    [InlineData("""{"kind":"serverError","count":0}""", "'count'")]
    [InlineData("""{"kind":"serverError","count":"2"}""", "'count' must be a number")]
    [InlineData("""{"kind":"serverError","statusCode":502}""", "500 or 503")]
    [InlineData("""{"kind":"latency","count":1}""", "'delayMs' is required")]
    [InlineData("""{"kind":"lostResponse","holdMs":-5}""", "'holdMs' must not be negative")]
    public async Task A_bad_fault_gets_400_with_a_clear_message(string body, string message)
    {
        using var control = new HttpClient { BaseAddress = Sandbox.BaseUrl };

        using var response = await control.PostJsonAsync("/sandbox/faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.JsonAsync()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, Sandbox.Faults.Remaining);
    }
}
