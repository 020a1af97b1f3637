using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Infobip.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace JourneyPlugin.Infobip.Tests.Client;

/// <summary>The API key never shows in logs, exceptions or ToString, and recipients are redacted in logs.</summary>
public sealed class InfobipClientSecretTests
{
    private const string Recipient = "84912345678";

    [Fact]
    public async Task Neither_the_key_nor_the_recipient_appear_in_any_log_line_at_trace_level()
    {
        using var harness = new InfobipClientHarness(o => o.MaxRetryAttempts = 1);
        harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost()).InScenario("s").WillSetStateTo("2")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(InfobipResponses.Single(Recipient, "ok")));
        harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost()).InScenario("s").WhenStateIs("2").WillSetStateTo("3")
            .RespondWith(Response.Create().WithStatusCode(401).WithBody(InfobipResponses.LegacyError("UNAUTHORIZED", "Invalid login details")));
        harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/text").UsingPost()).InScenario("s").WhenStateIs("3")
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("oops"));
        var client = harness.CreateClient();

        var results = new List<InfobipSendResult>();
        foreach (var id in new[] { "ok", "refused", "unknown" })
        {
            results.Add(await client.SendAsync(new InfobipTextMessage { To = Recipient, MessageId = id, Text = "Hi" }));
        }

        results.Add(await client.SendAsync(new InfobipTextMessage { To = Recipient, MessageId = "invalid", Text = "" }));

        Assert.Equal([InfobipSendOutcome.Accepted, InfobipSendOutcome.Failed, InfobipSendOutcome.OutcomeUnknown, InfobipSendOutcome.Failed], results.Select(r => r.Outcome));
        var logs = harness.AllLogText();
        Assert.Contains("8491*****78", logs, StringComparison.Ordinal);
        Assert.Contains("ok", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(InfobipClientHarness.ApiKey, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(InfobipClientHarness.ApiKey[..20], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Recipient, logs, StringComparison.Ordinal);
        Assert.All(results, r => Assert.DoesNotContain(InfobipClientHarness.ApiKey, r.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(InfobipClientHarness.ApiKey, client.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Connection_options_describe_themselves_without_the_key()
    {
        var options = new InfobipConnectionOptions { ApiKey = InfobipClientHarness.ApiKey, BaseUrl = "abcde.api.infobip.com", Sender = "447860099299" };

        Assert.Equal("Infobip connection abcde.api.infobip.com, sender 447860099299, API key set", options.ToString());
    }

    [Fact]
    public void Invalid_connection_fails_naming_every_field_and_never_echoes_the_key()
    {
        var services = new ServiceCollection().AddInfobipWhatsApp(o =>
        {
            o.ApiKey = "secret key with spaces";
            o.BaseUrl = "http://evil.example.com/whatsapp";
            o.Sender = "+44 7860 099299";
        });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IInfobipWhatsAppClient>());

        Assert.Contains(exception.Failures, f => f.Contains("ApiKey: contains spaces", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("BaseUrl: uses plain http", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("Sender: must be digits only", StringComparison.Ordinal));
        Assert.DoesNotContain("secret key", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_default_connection_resolves_a_client_for_its_sender()
    {
        var services = new ServiceCollection().AddInfobipWhatsApp(o =>
        {
            o.ApiKey = InfobipClientHarness.ApiKey;
            o.BaseUrl = "https://abcde.api.infobip.com";
            o.Sender = "447860099299";
        });
        services.AddInfobipWhatsAppConnection("marketing", o =>
        {
            o.ApiKey = InfobipClientHarness.ApiKey;
            o.BaseUrl = "abcde.api.infobip.com";
            o.Sender = "84912345678";
        });
        using var provider = services.BuildServiceProvider();

        Assert.Equal("447860099299", provider.GetRequiredService<IInfobipWhatsAppClient>().Sender);
        Assert.Equal("84912345678", provider.GetRequiredService<IInfobipWhatsAppClientFactory>().CreateClient("marketing").Sender);
    }
}
