using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class LoggingTests
{
    [Fact]
    public async Task Logs_redact_phone_numbers_and_never_show_the_api_key()
    {
        using var receiver = new WebhookReceiver();
        using var logs = new FakeLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var sandbox = InfobipSandbox.Start(TestSandbox.Options(receiver), loggerFactory);
        using var client = TestSandbox.Client(sandbox);
        using var wrongKey = TestSandbox.Client(sandbox, apiKey: "not-the-key");
        sandbox.Faults.AddLatency(1, TimeSpan.Zero);

        using var refused = await wrongKey.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        using var invalid = await client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(to: "+84912345678"));
        using var foreign = await client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text(from: "447700900123"));
        using var outside = await client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        await sandbox.PostInboundTextAsync(TestSandbox.Customer, "Hi", cancellationToken: TestSandbox.Soon());
        using var inside = await client.PostJsonAsync("/whatsapp/1/message/text", TestSandbox.Text());
        await sandbox.WaitForWebhooksAsync(TestSandbox.Soon());

        var messages = logs.Collector.GetSnapshot().Select(r => r.Message).ToList();
        Assert.Contains(messages, m => m.Contains("8491*****78", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Refused POST /whatsapp/1/message/text with 401", StringComparison.Ordinal));
        Assert.All(messages, m =>
        {
            Assert.DoesNotContain(TestSandbox.Customer, m, StringComparison.Ordinal);
            Assert.DoesNotContain(TestSandbox.Sender, m, StringComparison.Ordinal);
            Assert.DoesNotContain("447700900123", m, StringComparison.Ordinal);
            Assert.DoesNotContain(TestSandbox.ApiKey, m, StringComparison.Ordinal);
            Assert.DoesNotContain("not-the-key", m, StringComparison.Ordinal);
        });
    }
}
