using System.Net;
using JourneyPlugin.Server.Hosting;
using JourneyPlugin.Server.Tests.Connections;
using JourneyPlugin.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JourneyPlugin.Server.Tests.Runs;

/// <summary>
/// A whole campaign — upload, sends, delivery and seen reports, replies, opt-outs, refused and replayed
/// webhooks — with every log line captured down to Debug: no API key, webhook secret or full phone
/// number of a customer appears in any of them.
/// </summary>
public sealed class LogHygieneTests(LogHygieneTests.LoggingServerFactory factory) : IClassFixture<LogHygieneTests.LoggingServerFactory>
{
    private const string Prefix = "8491232";
    private readonly RunApi _api = new(factory.CreateClient());

    [Fact]
    public async Task No_secret_or_full_phone_number_reaches_a_log_line()
    {
        var run = await _api.StartAsync("welcome-offer", RunApi.Csv(Prefix, 30));
        var id = run.GetProperty("id").GetString()!;
        await _api.WaitForRunAsync(id, r => RunApi.Funnel(r, "sent") == 30);
        for (var i = 1; i <= 6; i++)
        {
            using var reply = await _api.ReplyAsync("+" + RunApi.Phone(Prefix, i), i switch { <= 3 => "Yes please", 4 => "STOP", _ => "call me" });
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        }

        await _api.WaitForRunAsync(id, r => RunApi.Funnel(r, "replied") == 6 && RunApi.Funnel(r, "seen") >= 33);

        // Abuse: unsigned, wrongly signed, replayed.
        var inbound = Payloads.Inbound("m-hygiene").Replace("385919998888", RunApi.Phone(Prefix, 7), StringComparison.Ordinal);
        using var unsigned = await _api.Client.SendAsync(Payloads.Post("/webhooks/infobip/sandbox/inbound", inbound));
        using var wrong = await _api.Client.SendAsync(Payloads.Post("/webhooks/infobip/sandbox/inbound", inbound, "not-the-secret"));
        using var first = await _api.Client.SendAsync(Payloads.Post("/webhooks/infobip/sandbox/inbound", inbound, ServerFactory.SandboxHmacSecret));
        using var replay = await _api.Client.SendAsync(Payloads.Post("/webhooks/infobip/sandbox/inbound", inbound, ServerFactory.SandboxHmacSecret));
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK), (unsigned.StatusCode, wrong.StatusCode, first.StatusCode, replay.StatusCode));

        var lines = factory.Logs.Lines.ToList();
        Assert.True(lines.Count > 100, $"only {lines.Count} log lines were captured");
        var secrets = new[] { factory.Services.GetRequiredService<EmbeddedSandbox>().Settings.ApiKey, ServerFactory.SandboxHmacSecret };
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }

        var numbers = Enumerable.Range(1, 30).Select(i => RunApi.Phone(Prefix, i)).ToList();
        var leaks = lines.Where(l => numbers.Any(n => l.Contains(n, StringComparison.Ordinal))).Take(5).ToList();
        Assert.True(leaks.Count == 0, "full phone numbers logged:\n" + string.Join("\n", leaks));

        // Redacted numbers are logged, so the check above looked where numbers do appear.
        Assert.Contains(lines, l => l.Contains(Prefix[..4], StringComparison.Ordinal) && l.Contains('*', StringComparison.Ordinal));
    }

    public sealed class LoggingServerFactory : RunServerFactory
    {
        internal LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddFilter(_ => true).AddProvider(Logs));
        }
    }
}
