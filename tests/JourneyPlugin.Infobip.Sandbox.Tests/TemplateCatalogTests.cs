using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox.Templates;
using JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

namespace JourneyPlugin.Infobip.Sandbox.Tests;

public sealed class TemplateCatalogTests : SandboxTest
{
    [Fact]
    public async Task The_catalogue_has_Infobips_TemplateApiResponse_shape()
    {
        using var response = await Client.GetAsync(new Uri($"/whatsapp/2/senders/{TestSandbox.Sender}/templates", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var templates = (await response.JsonAsync()).GetProperty("templates").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(["appointment_reminder", "cart_reminder", "offer_reminder", "order_shipped", "otp_code", "spring_sale", "welcome_offer"], templates.Keys.Order());

        Assert.All(templates.Values, t =>
        {
            Assert.Equal(JsonValueKind.String, t.GetProperty("id").ValueKind);
            Assert.Equal(JsonValueKind.Number, t.GetProperty("businessAccountId").ValueKind);
            Assert.Matches("^(MARKETING|UTILITY|AUTHENTICATION)$", t.GetProperty("category").GetString());
            Assert.Equal(JsonValueKind.String, t.GetProperty("structure").GetProperty("body").GetProperty("text").ValueKind);
        });

        var welcome = templates["welcome_offer"];
        Assert.Equal("en", welcome.GetProperty("language").GetString());
        Assert.Equal("APPROVED", welcome.GetProperty("status").GetString());
        Assert.Equal("MARKETING", welcome.GetProperty("category").GetString());
        var structure = welcome.GetProperty("structure");
        Assert.Contains("{{2}}", structure.GetProperty("body").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("TEXT", structure.GetProperty("type").GetString());
        Assert.Equal(
            """[{"type":"QUICK_REPLY","text":"Yes please"},{"type":"QUICK_REPLY","text":"No thanks"}]""",
            structure.GetProperty("buttons").GetRawText());

        var shipped = templates["order_shipped"].GetProperty("structure");
        Assert.Equal("UTILITY", templates["order_shipped"].GetProperty("category").GetString());
        Assert.Equal("DOCUMENT", shipped.GetProperty("header").GetProperty("format").GetString());
        Assert.Equal("MEDIA", shipped.GetProperty("type").GetString());
        Assert.Equal("URL", shipped.GetProperty("buttons")[0].GetProperty("type").GetString());
        Assert.Contains("{{1}}", shipped.GetProperty("buttons")[0].GetProperty("url").GetString(), StringComparison.Ordinal);

        Assert.Equal("en_GB", templates["appointment_reminder"].GetProperty("language").GetString());
        Assert.Equal("AUTHENTICATION", templates["otp_code"].GetProperty("category").GetString());
        Assert.Equal("COPY_CODE", templates["otp_code"].GetProperty("structure").GetProperty("buttons")[0].GetProperty("type").GetString());
        Assert.Equal("PENDING", templates["spring_sale"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_sandbox_can_be_given_its_own_templates()
    {
        var options = TestSandbox.Options(Receiver);
        options.Templates =
        [
            new SandboxTemplate
            {
                Id = "9001",
                Name = "payment_due",
                Language = "vi",
                Category = "UTILITY",
                Structure = new() { Body = "Xin chào {{1}}, hóa đơn {{2}} đến hạn ngày {{3}}." },
            },
        ];
        await using var sandbox = InfobipSandbox.Start(options);
        using var client = TestSandbox.Client(sandbox);

        using var list = await client.GetAsync(new Uri($"/whatsapp/2/senders/{TestSandbox.Sender}/templates", UriKind.Relative));
        using var wrongCount = await client.PostJsonAsync("/whatsapp/1/message/template", PaymentDue("An", "HD-1"));
        using var builtIn = await client.PostJsonAsync("/whatsapp/1/message/template", TestSandbox.Bulk(null, TestSandbox.WelcomeOffer()));
        using var sent = await client.PostJsonAsync("/whatsapp/1/message/template", PaymentDue("An", "HD-1", "05/03"));

        var template = Assert.Single((await list.JsonAsync()).GetProperty("templates").EnumerateArray());
        Assert.Equal("9001", template.GetProperty("id").GetString());
        await InfobipErrorAssert.IsValidationErrorAsync(wrongCount, "content.templateData.body.placeholders", "expected 3 placeholders, got 2");
        await InfobipErrorAssert.IsValidationErrorAsync(builtIn, "content.templateName", "does not exist");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("Xin chào An, hóa đơn HD-1 đến hạn ngày 05/03.", Assert.Single(sandbox.AcceptedMessages).Text);
    }

    private static string PaymentDue(params string[] placeholders) =>
        new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject
            {
                ["from"] = TestSandbox.Sender,
                ["to"] = TestSandbox.Customer,
                ["content"] = new JsonObject
                {
                    ["templateName"] = "payment_due",
                    ["language"] = "vi",
                    ["templateData"] = new JsonObject
                    {
                        ["body"] = new JsonObject { ["placeholders"] = new JsonArray([.. placeholders.Select(p => (JsonNode)p)]) },
                    },
                },
            }),
        }.ToJsonString();
}
