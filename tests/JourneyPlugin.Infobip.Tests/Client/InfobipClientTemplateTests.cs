using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Templates;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace JourneyPlugin.Infobip.Tests.Client;

public sealed class InfobipClientTemplateTests : IDisposable
{
    private readonly InfobipClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task The_catalogue_lists_templates_with_the_placeholders_each_component_needs()
    {
        _harness.Server.Given(Request.Create().WithPath($"/whatsapp/2/senders/{InfobipClientHarness.Sender}/templates").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""
                {"templates":[
                  {"id":"8723464573934821","businessAccountId":9876543210,"name":"order_shipped","language":"en_GB","status":"APPROVED","category":"UTILITY",
                   "structure":{"header":{"format":"IMAGE"},"body":{"text":"Hi {{1}}, order {{2}} is on its way. {{1}}, track it below."},
                                "footer":{"text":"Shop Example"},
                                "buttons":[{"type":"URL","text":"Track","url":"https://shop.example.com/track/{{1}}"},{"type":"QUICK_REPLY","text":"Stop"}],
                                "type":"MEDIA"},
                   "quality":"HIGH","futureField":{"x":1}},
                  {"id":"111","name":"greeting","language":"en","status":"PENDING","category":"MARKETING",
                   "structure":{"header":{"format":"TEXT","text":"Hello {{1}}"},"body":{"text":"Welcome"},"type":"TEXT"}},
                  {"id":"112","name":"otp_code","language":"en","status":"APPROVED","category":"AUTHENTICATION",
                   "structure":{"body":{"text":"{{1}} is your code"},"buttons":[{"type":"COPY_CODE","text":"Copy"}]}}
                ]}
                """));

        var templates = await _harness.CreateClient().GetTemplatesAsync();

        Assert.Equal(["order_shipped", "greeting", "otp_code"], templates.Select(t => t.Name));
        var shipped = templates[0];
        Assert.Equal(("8723464573934821", "en_GB", "UTILITY", "APPROVED"), (shipped.Id, shipped.Language, shipped.Category, shipped.Status));
        Assert.True(shipped.IsApproved);
        Assert.Equal("IMAGE", shipped.HeaderFormat);
        Assert.Equal(2, shipped.BodyPlaceholderCount);
        Assert.Equal(
            [
                new InfobipTemplatePlaceholder(InfobipTemplateComponent.Header, 1, InfobipTemplatePlaceholderKind.MediaUrl),
                new InfobipTemplatePlaceholder(InfobipTemplateComponent.Body, 1, InfobipTemplatePlaceholderKind.Text),
                new InfobipTemplatePlaceholder(InfobipTemplateComponent.Body, 2, InfobipTemplatePlaceholderKind.Text),
                new InfobipTemplatePlaceholder(InfobipTemplateComponent.Button, 0, InfobipTemplatePlaceholderKind.UrlSuffix),
            ],
            shipped.Placeholders);
        Assert.Equal("Shop Example", shipped.FooterText);
        Assert.Equal(new InfobipTemplateButtonDefinition("URL", "Track", "https://shop.example.com/track/{{1}}"), shipped.Buttons[0]);

        Assert.False(templates[1].IsApproved);
        Assert.Equal([new InfobipTemplatePlaceholder(InfobipTemplateComponent.Header, 1, InfobipTemplatePlaceholderKind.Text)], templates[1].Placeholders);
        Assert.Contains(new InfobipTemplatePlaceholder(InfobipTemplateComponent.Button, 0, InfobipTemplatePlaceholderKind.CouponCode), templates[2].Placeholders);

        var request = Assert.Single(_harness.Server.LogEntries).RequestMessage;
        Assert.Equal($"App {InfobipClientHarness.ApiKey}", request.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task A_refused_catalogue_call_throws_with_the_vendors_error()
    {
        _harness.Server.Given(Request.Create().WithPath($"/whatsapp/2/senders/{InfobipClientHarness.Sender}/templates").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithBody(InfobipResponses.LegacyError("UNAUTHORIZED", "Invalid login details")));

        var exception = await Assert.ThrowsAsync<InfobipException>(() => _harness.CreateClient().GetTemplatesAsync());

        Assert.Equal(InfobipErrorKind.Unauthorized, exception.Error.Kind);
        Assert.Equal("Invalid login details", exception.Error.Message);
    }

    [Fact]
    public async Task An_unreadable_catalogue_is_an_unexpected_response_not_a_crash()
    {
        _harness.Server.Given(Request.Create().WithPath($"/whatsapp/2/senders/{InfobipClientHarness.Sender}/templates").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"results":[]}"""));

        var exception = await Assert.ThrowsAsync<InfobipException>(() => _harness.CreateClient().GetTemplatesAsync());

        Assert.Equal(InfobipErrorKind.UnexpectedResponse, exception.Error.Kind);
        Assert.Contains("$.templates", exception.Error.Message, StringComparison.Ordinal);
    }
}
