using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JourneyPlugin.Server.Tests.Infrastructure;

namespace JourneyPlugin.Server.Tests.Connections;

/// <summary><c>/api/connections</c>: CRUD, validation naming each field, conflicts and read-only connections.</summary>
[Collection(ConnectionTestGroup.Name)]
public sealed class ConnectionApiTests(ConnectionTestBed bed)
{
    private HttpClient Client => bed.Client;

    public static TheoryData<string, object?, string> InvalidFields => new()
    {
        { "name", "Marketing VN", "name" },
        { "name", "", "name" },
        { "name", "-leading", "name" },
        { "name", new string('a', 65), "name" },
        { "vendor", "twilio", "vendor" },
        { "apiKey", "", "apiKey" },
        { "apiKey", "key with spaces", "apiKey" },
        { "baseUrl", "https://evil.example.com", "baseUrl" },
        { "baseUrl", "http://acme.api.infobip.com", "baseUrl" },
        { "baseUrl", "acme.api.infobip.com/whatsapp", "baseUrl" },
        { "baseUrl", "", "baseUrl" },
        { "sender", "+447860099299", "sender" },
        { "sender", "07860099299", "sender" },
        { "sender", "4478600", "sender" },
        { "sender", "44 7860 099299", "sender" },
        { "sender", null, "sender" },
        { "quickTestRecipient", "+84912345678", "quickTestRecipient" },
        { "quickTestRecipient", "0912345678", "quickTestRecipient" },
        { "quickTestRecipient", "999123456789", "quickTestRecipient" },
        { "webhookBasicUser", "infobip", "webhookBasicPassword" },
        { "webhookBasicPassword", "password-0123456789", "webhookBasicUser" },
        { "webhookHmacSecret", "too-short", "webhookHmacSecret" },
    };

    [Fact]
    public async Task The_sandbox_and_configured_connections_are_listed_read_only_with_their_webhooks_and_a_masked_key()
    {
        var (status, list) = await bed.GetAsync("/api/connections");

        Assert.Equal(HttpStatusCode.OK, status);
        var byName = list.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        var sandbox = byName["sandbox"];
        Assert.Equal(("sandbox", true, "infobip", "441134960000"), (sandbox.GetProperty("source").GetString(), sandbox.GetProperty("readOnly").GetBoolean(), sandbox.GetProperty("vendor").GetString(), sandbox.GetProperty("sender").GetString()));
        Assert.Matches("^••••[0-9a-f]{4}$", sandbox.GetProperty("apiKey").GetString());
        Assert.True(sandbox.GetProperty("webhooks").GetProperty("hmac").GetBoolean());
        Assert.Equal("http://localhost/webhooks/infobip/sandbox/delivery-reports", sandbox.GetProperty("webhooks").GetProperty("deliveryReportsUrl").GetString());
        Assert.Equal("http://localhost/webhooks/infobip/sandbox/inbound", sandbox.GetProperty("webhooks").GetProperty("inboundUrl").GetString());
        Assert.Equal("http://localhost/webhooks/infobip/sandbox/seen", sandbox.GetProperty("webhooks").GetProperty("seenUrl").GetString());

        var basic = byName["basic"];
        Assert.Equal(("configuration", true, "https://basic.api.infobip.com"), (basic.GetProperty("source").GetString(), basic.GetProperty("readOnly").GetBoolean(), basic.GetProperty("baseUrl").GetString()));
        Assert.Equal("••••", basic.GetProperty("apiKey").GetString()); // "basic-api-key" is too short to show any of it
        Assert.Equal((ServerFactory.BasicUser, false), (basic.GetProperty("webhooks").GetProperty("basicUser").GetString(), basic.GetProperty("webhooks").GetProperty("hmac").GetBoolean()));
        Assert.True(byName["signed"].GetProperty("webhooks").GetProperty("hmac").GetBoolean());
    }

    [Fact]
    public async Task A_connection_is_created_read_updated_and_deleted()
    {
        var created = await bed.CreateAsync(bed.SecondConnection("crud-vn", ("webhookBasicUser", "infobip"), ("webhookBasicPassword", "basic-password-crud-0123")));

        Assert.Equal(("crud-vn", "api", false), (created.GetProperty("name").GetString(), created.GetProperty("source").GetString(), created.GetProperty("readOnly").GetBoolean()));
        Assert.Equal("••••f365", created.GetProperty("apiKey").GetString());
        Assert.Equal((ConnectionTestBed.SecondSender, "84912345678"), (created.GetProperty("sender").GetString(), created.GetProperty("quickTestRecipient").GetString()));
        Assert.Equal(("infobip", false), (created.GetProperty("webhooks").GetProperty("basicUser").GetString(), created.GetProperty("webhooks").GetProperty("hmac").GetBoolean()));
        var (getStatus, got) = await bed.GetAsync("/api/connections/crud-vn");
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Equal(created.ToString(), got.ToString());
        Assert.Contains((await bed.GetAsync("/api/connections")).Json.EnumerateArray(), c => c.GetProperty("name").GetString() == "crud-vn");

        // PUT without apiKey keeps it; the other fields are replaced.
        var update = bed.SecondConnection("crud-vn", ("quickTestRecipient", "84987654321"), ("webhookHmacSecret", "hmac-secret-crud-0123456789"));
        update.Remove("apiKey");
        using (var put = await Client.PutAsJsonAsync("/api/connections/crud-vn", update))
        {
            var updated = await put.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal(("••••f365", "84987654321"), (updated.GetProperty("apiKey").GetString(), updated.GetProperty("quickTestRecipient").GetString()));
            Assert.Equal(JsonValueKind.Null, updated.GetProperty("webhooks").GetProperty("basicUser").ValueKind);
            Assert.True(updated.GetProperty("webhooks").GetProperty("hmac").GetBoolean());
        }

        using (var put = await Client.PutAsJsonAsync("/api/connections/crud-vn", bed.SecondConnection("crud-vn", ("apiKey", "a-new-key-for-this-account-9z9z"))))
        {
            Assert.Equal("••••9z9z", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString());
        }

        using var delete = await Client.DeleteAsync("/api/connections/crud-vn");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await Problems.AssertProblemAsync(await Client.GetAsync("/api/connections/crud-vn"), HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(await Client.DeleteAsync("/api/connections/crud-vn"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await bed.GetAsync("/api/connections")).Json.EnumerateArray(), c => c.GetProperty("name").GetString() == "crud-vn");
    }

    [Fact]
    public async Task The_location_of_a_created_connection_reads_it_back()
    {
        using var response = await Client.PostAsJsonAsync("/api/connections", bed.SecondConnection("located"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/connections/located", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await bed.GetAsync(response.Headers.Location!.ToString())).Status);
    }

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task A_bad_field_is_named_and_nothing_is_created(string field, object? value, string named)
    {
        var name = field == "name" ? value as string ?? string.Empty : $"invalid-{Guid.NewGuid():N}"[..20];
        var before = (await bed.GetAsync("/api/connections")).Json.GetArrayLength();

        using var response = await Client.PostAsJsonAsync("/api/connections", bed.SecondConnection(name, (field, value)));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal([named], errors.EnumerateObject().Select(e => e.Name));
        Assert.False(string.IsNullOrWhiteSpace(errors.GetProperty(named)[0].GetString()));
        Assert.Equal(before, (await bed.GetAsync("/api/connections")).Json.GetArrayLength());
    }

    [Fact]
    public async Task Several_bad_fields_are_named_together_with_their_reasons()
    {
        using var response = await Client.PostAsJsonAsync("/api/connections", new { name = "several", apiKey = "", baseUrl = "https://evil.example.com", sender = "+447860099299" });

        var errors = (await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["apiKey", "baseUrl", "sender"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("plus", errors.GetProperty("sender")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not an Infobip API host", errors.GetProperty("baseUrl")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("is empty", errors.GetProperty("apiKey")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"name\": \"broken\", ")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"name\": 42 }")]
    public async Task A_malformed_body_is_a_400_problem(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await Client.PostAsync("/api/connections", content);

        await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("sandbox")]
    [InlineData("basic")]
    public async Task The_name_of_a_configured_connection_cannot_be_taken(string name)
    {
        using var response = await Client.PostAsJsonAsync("/api/connections", bed.SecondConnection(name));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(name, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEqual("api", (await bed.GetAsync($"/api/connections/{name}")).Json.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_duplicate_name_is_a_409_and_the_first_connection_is_unchanged()
    {
        await bed.CreateAsync(bed.SecondConnection("dup"));

        using var response = await Client.PostAsJsonAsync("/api/connections", bed.SecondConnection("dup", ("apiKey", "another-key-entirely-0000aaaa"), ("sender", "447860099299")));

        await Problems.AssertProblemAsync(response, HttpStatusCode.Conflict);
        var stored = (await bed.GetAsync("/api/connections/dup")).Json;
        Assert.Equal(("••••f365", ConnectionTestBed.SecondSender), (stored.GetProperty("apiKey").GetString(), stored.GetProperty("sender").GetString()));
    }

    [Theory]
    [InlineData("sandbox")]
    [InlineData("signed")]
    public async Task Read_only_connections_cannot_be_changed_or_deleted(string name)
    {
        var before = (await bed.GetAsync($"/api/connections/{name}")).Json.ToString();

        await Problems.AssertProblemAsync(await Client.PutAsJsonAsync($"/api/connections/{name}", bed.SecondConnection(name)), HttpStatusCode.Conflict);
        await Problems.AssertProblemAsync(await Client.DeleteAsync($"/api/connections/{name}"), HttpStatusCode.Conflict);

        Assert.Equal(before, (await bed.GetAsync($"/api/connections/{name}")).Json.ToString());
    }

    [Fact]
    public async Task An_invalid_update_changes_nothing()
    {
        await bed.CreateAsync(bed.SecondConnection("kept"));
        var before = (await bed.GetAsync("/api/connections/kept")).Json.ToString();

        var bad = await Client.PutAsJsonAsync("/api/connections/kept", bed.SecondConnection("kept", ("apiKey", ""), ("sender", "+447860011111")));
        var renamed = await Client.PutAsJsonAsync("/api/connections/kept", bed.SecondConnection("other-name"));

        Assert.Equal(["apiKey", "sender"], (await Problems.AssertProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["name"], (await Problems.AssertProblemAsync(renamed, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(before, (await bed.GetAsync("/api/connections/kept")).Json.ToString());
    }

    [Fact]
    public async Task Updating_an_unknown_connection_is_a_404()
    {
        await Problems.AssertProblemAsync(await Client.PutAsJsonAsync("/api/connections/nobody", bed.SecondConnection("nobody")), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await bed.GetAsync("/api/connections/nobody")).Status);
    }
}
