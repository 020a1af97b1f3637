using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Runtime.Grains;
using JourneyPlugin.Server.Hosting;
using JourneyPlugin.Server.Tests.Infrastructure;
using JourneyPlugin.WhatsApp.Messaging;
using JourneyPlugin.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyPlugin.Server.Tests.Connections;

/// <summary>Connections created through the API at work: journeys send through them, their webhooks authenticate, their templates are listed.</summary>
[Collection(ConnectionTestGroup.Name)]
public sealed class ConnectionUseTests(ConnectionTestBed bed)
{
    private const string HmacSecret = "journey-hmac-secret-0123456789";

    private HttpClient Client => bed.Client;

    [Fact]
    public async Task A_journey_sends_through_an_api_created_connection_and_its_signed_inbound_webhook_resumes_it()
    {
        await bed.CreateAsync(bed.SecondConnection("journey-second", ("webhookHmacSecret", HmacSecret)));
        var json = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "welcome-offer.json")))
            .Replace("\"value\": \"sandbox\"", "\"value\": \"journey-second\"", StringComparison.Ordinal)
            .Replace("\"definitionId\": \"welcome-offer\"", "\"definitionId\": \"welcome-second\"", StringComparison.Ordinal);
        bed.Factory.Services.GetRequiredService<JourneyDefinitionCatalog>().Register(WorkflowDefinition.Parse(json));
        const string phone = "84912345611";
        var instanceId = JourneyStartRequest.InstanceIdFor("welcome-second", null, phone);
        var instance = bed.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IJourneyInstanceGrain>(instanceId);

        var started = await instance.StartAsync(new JourneyStartRequest
        {
            DefinitionId = "welcome-second",
            CustomerKey = phone,
            CustomerJson = new JsonObject { ["phone"] = phone, ["first_name"] = "Lan", ["promo_code"] = "WELCOME15" }.ToJsonString(),
        });

        Assert.Equal("Suspended", started.Status);
        var offer = Assert.Single(bed.Second.AcceptedMessages, m => m.To == phone);
        Assert.Equal(("welcome_offer", ConnectionTestBed.SecondSender), (offer.TemplateName, offer.From));
        Assert.DoesNotContain(bed.Embedded.AcceptedMessages, m => m.To == phone);

        // The customer answers; Infobip posts it to the connection's inbound webhook, signed with its secret.
        bed.Second.OpenServiceWindow(ConnectionTestBed.SecondSender, phone);
        var inbound = Inbound(phone, ConnectionTestBed.SecondSender, "Yes please");
        using (var unsigned = await Client.SendAsync(Payloads.Post("/webhooks/infobip/journey-second/inbound", inbound)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }

        using (var signed = await Client.SendAsync(Payloads.Post("/webhooks/infobip/journey-second/inbound", inbound, HmacSecret)))
        {
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        }

        var deals = await WaitForAsync(() => bed.Second.AcceptedMessages.FirstOrDefault(m => m.To == phone && m.Text?.StartsWith("Great, Lan!", StringComparison.Ordinal) == true));
        Assert.Equal(ConnectionTestBed.SecondSender, deals.From);
        Assert.DoesNotContain(bed.Embedded.AcceptedMessages, m => m.To == phone);
    }

    [Fact]
    public async Task The_webhooks_of_an_api_created_connection_need_its_basic_credentials()
    {
        await bed.CreateAsync(bed.SecondConnection("hooks-basic", ("webhookBasicUser", "infobip-vn"), ("webhookBasicPassword", "basic-password-hooks-01")));
        var body = Payloads.DeliveryReport($"hooks-basic-{Guid.NewGuid():N}");
        const string path = "/webhooks/infobip/hooks-basic/delivery-reports";

        using var none = await Client.SendAsync(Payloads.Post(path, body));
        using var wrong = await Client.SendAsync(Payloads.Post(path, body, authorization: Payloads.Basic("infobip-vn", "not-the-password")));
        using var right = await Client.SendAsync(Payloads.Post(path, body, authorization: Payloads.Basic("infobip-vn", "basic-password-hooks-01")));

        await Problems.AssertProblemAsync(none, HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task The_webhooks_of_an_api_created_connection_follow_its_changes()
    {
        await bed.CreateAsync(bed.SecondConnection("hooks-hmac", ("webhookHmacSecret", "first-hmac-secret-0123456789")));
        var body = Payloads.SeenReport($"hooks-hmac-{Guid.NewGuid():N}");
        const string path = "/webhooks/infobip/hooks-hmac/seen";
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(Payloads.Post(path, body, "first-hmac-secret-0123456789"))).StatusCode);

        using (await Client.PutAsJsonAsync("/api/connections/hooks-hmac", bed.SecondConnection("hooks-hmac", ("webhookHmacSecret", "second-hmac-secret-0123456789"))))
        {
        }

        await Problems.AssertProblemAsync(await Client.SendAsync(Payloads.Post(path, body, "first-hmac-secret-0123456789")), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(Payloads.Post(path, body, "second-hmac-secret-0123456789"))).StatusCode);

        using (await Client.DeleteAsync("/api/connections/hooks-hmac"))
        {
        }

        await Problems.AssertProblemAsync(await Client.SendAsync(Payloads.Post(path, body, "second-hmac-secret-0123456789")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_connection_without_webhook_credentials_refuses_its_webhooks()
    {
        await bed.CreateAsync(bed.SecondConnection("hooks-none"));

        using var response = await Client.SendAsync(Payloads.Post("/webhooks/infobip/hooks-none/inbound", Payloads.Inbound($"none-{Guid.NewGuid():N}")));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("no webhook credentials", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_templates_of_a_connection_are_the_vendor_catalogue_with_placeholders()
    {
        await bed.CreateAsync(bed.SecondConnection("templates-second"));

        var (status, templates) = await bed.GetAsync("/api/connections/templates-second/templates");
        var (_, sandboxTemplates) = await bed.GetAsync("/api/connections/sandbox/templates");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["welcome_offer", "offer_reminder"], templates.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var welcome = templates[0];
        Assert.Equal(("en", "APPROVED", "MARKETING"), (welcome.GetProperty("language").GetString(), welcome.GetProperty("status").GetString(), welcome.GetProperty("category").GetString()));
        Assert.Contains("{{2}}", welcome.GetProperty("bodyText").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["body/text/1", "body/text/2"],
            welcome.GetProperty("placeholders").EnumerateArray().Select(p => $"{p.GetProperty("component").GetString()}/{p.GetProperty("kind").GetString()}/{p.GetProperty("index").GetInt32()}"));
        Assert.True(sandboxTemplates.GetArrayLength() > 2);
        Assert.Contains(sandboxTemplates.EnumerateArray().SelectMany(t => t.GetProperty("placeholders").EnumerateArray()), p => p.GetProperty("component").GetString() != "body");
    }

    [Fact]
    public async Task The_templates_of_a_connection_with_a_wrong_key_are_a_problem_with_the_vendor_401()
    {
        await bed.CreateAsync(bed.SecondConnection("templates-badkey", ("apiKey", "wrong-key-for-templates-000000")));

        using var response = await Client.GetAsync("/api/connections/templates-badkey/templates");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(401, problem.GetProperty("httpStatus").GetInt32());
        await Problems.AssertProblemAsync(await Client.GetAsync("/api/connections/nobody/templates"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Journeys_see_the_template_catalogue_of_an_updated_connection_at_once()
    {
        var gateway = bed.Factory.Services.GetRequiredService<IWhatsAppGateway>();
        await bed.CreateAsync(bed.SecondConnection("switching"));
        Assert.Equal(2, (await gateway.GetTemplatesAsync("switching"))!.Count);
        var embedded = bed.Factory.Services.GetRequiredService<EmbeddedSandbox>();

        using var put = await Client.PutAsJsonAsync("/api/connections/switching", bed.SecondConnection(
            "switching", ("apiKey", embedded.Settings.ApiKey), ("baseUrl", embedded.Sandbox.BaseUrl.ToString()), ("sender", embedded.Sandbox.Senders[0])));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal((await bed.GetAsync("/api/connections/sandbox/templates")).Json.GetArrayLength(), (await gateway.GetTemplatesAsync("switching"))!.Count);
        Assert.Equal(embedded.Sandbox.Senders[0], await gateway.GetSenderAsync("switching"));
    }

    private static string Inbound(string from, string to, string text) => new JsonObject
    {
        ["results"] = new JsonArray(new JsonObject
        {
            ["from"] = from,
            ["to"] = to,
            ["integrationType"] = "WHATSAPP",
            // Now: the 24 hour window opens when the customer wrote, as Infobip reports it.
            ["receivedAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fff+0000", System.Globalization.CultureInfo.InvariantCulture),
            ["messageId"] = $"wamid.{Guid.NewGuid():N}",
            ["message"] = new JsonObject { ["type"] = "TEXT", ["text"] = text },
            ["price"] = new JsonObject { ["pricePerMessage"] = 0, ["currency"] = "EUR" },
            ["contact"] = new JsonObject { ["name"] = "Lan" },
        }),
        ["messageCount"] = 1,
        ["pendingMessageCount"] = 0,
    }.ToJsonString();

    private static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(50);
        }
    }
}
