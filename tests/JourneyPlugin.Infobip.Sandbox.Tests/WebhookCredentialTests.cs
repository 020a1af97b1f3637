using System.Security.Cryptography;
using System.Text;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class WebhookCredentialTests : SandboxTest
{
    private const string Secret = "s3cret-shared-with-infobip";

    internal override void Configure(InfobipSandboxOptions options)
    {
        options.WebhookUserName = "journeys";
        options.WebhookPassword = "p@ss:word";
        options.WebhookHmacSecret = Secret;
    }

    [Fact]
    public async Task Every_webhook_carries_basic_credentials_and_an_hmac_of_its_body()
    {
        using var response = await Client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer()));
        await Sandbox.PostInboundTextAsync(TestSandbox.Customer, "Hello", cancellationToken: TestSandbox.Soon());
        await WaitForWebhooksAsync();

        Assert.Equal(3, Receiver.All.Count);
        var expectedBasic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("journeys:p@ss:word"));
        Assert.All(Receiver.All, webhook =>
        {
            Assert.Equal(expectedBasic, webhook.Header("Authorization"));
            var expectedSignature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(webhook.Body)));
            Assert.Equal(expectedSignature, webhook.Header("X-Infobip-Signature"));
        });
    }

    [Fact]
    public async Task The_signature_header_can_be_renamed_and_credentials_left_out()
    {
        var options = TestSandbox.Options(Receiver);
        options.DeliveryReportUrl = Receiver.Url("/plain");
        options.WebhookHmacSecret = Secret;
        options.WebhookSignatureHeader = "X-Hub-Signature-256";
        await using var sandbox = InfobipSandbox.Start(options);
        using var client = TestSandbox.Client(sandbox);

        using var response = await client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer()));
        await sandbox.WaitForWebhooksAsync(TestSandbox.Soon());

        var webhook = Receiver.At("/plain")[0];
        Assert.Null(webhook.Header("Authorization"));
        Assert.Null(webhook.Header("X-Infobip-Signature"));
        Assert.StartsWith("sha256=", webhook.Header("X-Hub-Signature-256"), StringComparison.Ordinal);
    }
}
