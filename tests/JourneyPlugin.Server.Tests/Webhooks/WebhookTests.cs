using System.Net;
using System.Net.Http.Json;
using System.Text;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyPlugin.Server.Tests.Webhooks;

public sealed class WebhookTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private const string Sandbox = "/webhooks/infobip/sandbox/";
    private const string Basic = "/webhooks/infobip/basic/";
    private const string Signed = "/webhooks/infobip/signed/";

    private readonly HttpClient _client = factory.CreateClient();

    private ISendLedger Ledger => factory.Services.GetRequiredService<ISendLedger>();

    public static TheoryData<string> Endpoints => new() { "delivery-reports", "seen", "inbound" };

    private static string ValidBody(string endpoint, string id) => endpoint switch
    {
        "delivery-reports" => Payloads.DeliveryReport(id),
        "seen" => Payloads.SeenReport(id),
        _ => Payloads.Inbound(id),
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_signed_valid_body_is_accepted(string endpoint)
    {
        var body = ValidBody(endpoint, $"valid-{endpoint}-{Guid.NewGuid():N}");

        using var response = await _client.SendAsync(Payloads.Post(Sandbox + endpoint, body, ServerFactory.SandboxHmacSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<Receipt>();
        Assert.Equal(new Receipt(1, 1), receipt);
    }

    [Fact]
    public async Task A_delivery_report_for_an_unknown_message_is_kept_as_an_orphan()
    {
        var id = $"orphan-{Guid.NewGuid():N}";

        using var response = await _client.SendAsync(Payloads.Post(Sandbox + "delivery-reports", Payloads.DeliveryReport(id), ServerFactory.SandboxHmacSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await Ledger.ListOrphanReportsAsync(0, 10_000), o => o.Report.MessageId == id && o.Report.Status == DeliveryStatus.Delivered);
    }

    [Fact]
    public async Task A_seen_report_posted_to_the_delivery_report_url_is_read_as_a_seen_report()
    {
        // Infobip (and the sandbox) post delivery and seen reports to the same notify URL.
        var id = $"seen-{Guid.NewGuid():N}";

        using var response = await _client.SendAsync(Payloads.Post(Sandbox + "delivery-reports", Payloads.SeenReport(id), ServerFactory.SandboxHmacSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await Ledger.ListOrphanReportsAsync(0, 10_000), o => o.Report.MessageId == id && o.Report.Status == DeliveryStatus.Seen);
    }

    [Fact]
    public async Task Two_thousand_reports_in_one_post_fit_and_are_applied()
    {
        var prefix = $"batch-{Guid.NewGuid():N}";
        var body = Payloads.DeliveryReports(2_000, prefix);

        using var response = await _client.SendAsync(Payloads.Post(Sandbox + "delivery-reports", body, ServerFactory.SandboxHmacSecret));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Receipt(2_000, 2_000), await response.Content.ReadFromJsonAsync<Receipt>());
        Assert.Equal(2_000, (await Ledger.ListOrphanReportsAsync(0, 100_000)).Count(o => o.Report.MessageId.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_inbound_message_posted_twice_is_applied_once()
    {
        var id = $"wamid.{Guid.NewGuid():N}";
        var body = Payloads.Inbound(id);

        using var first = await _client.SendAsync(Payloads.Post(Sandbox + "inbound", body, ServerFactory.SandboxHmacSecret));
        using var second = await _client.SendAsync(Payloads.Post(Sandbox + "inbound", body, ServerFactory.SandboxHmacSecret));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(new Receipt(1, 1), await first.Content.ReadFromJsonAsync<Receipt>());
        Assert.Equal(new Receipt(1, 0), await second.Content.ReadFromJsonAsync<Receipt>());
        // The conversation has recorded it: recording it again is a duplicate.
        var conversations = factory.Services.GetRequiredService<IConversationStore>();
        Assert.False(await conversations.RecordInboundAsync("41793026731", "385919998888", id, DateTimeOffset.UtcNow));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Basic_credentials_are_required_where_configured(string endpoint)
    {
        var id = $"basic-{endpoint}-{Guid.NewGuid():N}";
        var body = ValidBody(endpoint, id);

        using var none = await _client.SendAsync(Payloads.Post(Basic + endpoint, body));
        using var wrongPassword = await _client.SendAsync(Payloads.Post(Basic + endpoint, body, authorization: Payloads.Basic(ServerFactory.BasicUser, "wrong-password")));
        using var wrongUser = await _client.SendAsync(Payloads.Post(Basic + endpoint, body, authorization: Payloads.Basic("someone", ServerFactory.BasicPassword)));
        using var notBase64 = await _client.SendAsync(Payloads.Post(Basic + endpoint, body, authorization: new("Basic", "%%%")));

        foreach (var response in new[] { none, wrongPassword, wrongUser, notBase64 })
        {
            await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await Ledger.ListOrphanReportsAsync(0, 100_000), o => o.Report.MessageId == id);

        using var right = await _client.SendAsync(Payloads.Post(Basic + endpoint, body, authorization: Payloads.Basic(ServerFactory.BasicUser, ServerFactory.BasicPassword)));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(new Receipt(1, 1), await right.Content.ReadFromJsonAsync<Receipt>());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_body_signature_is_required_where_configured(string endpoint)
    {
        var id = $"hmac-{endpoint}-{Guid.NewGuid():N}";
        var body = ValidBody(endpoint, id);

        using var unsigned = await _client.SendAsync(Payloads.Post(Sandbox + endpoint, body));
        using var wrongSecret = await _client.SendAsync(Payloads.Post(Sandbox + endpoint, body, "another-secret-0123456789"));
        var otherBody = Payloads.Post(Sandbox + endpoint, body);
        otherBody.Headers.Add("X-Infobip-Signature", Payloads.Sign(ValidBody(endpoint, "other"), ServerFactory.SandboxHmacSecret));
        using var signatureOfAnotherBody = await _client.SendAsync(otherBody);
        var garbled = Payloads.Post(Sandbox + endpoint, body);
        garbled.Headers.Add("X-Infobip-Signature", "sha256=not-hex");
        using var notHex = await _client.SendAsync(garbled);

        foreach (var response in new[] { unsigned, wrongSecret, signatureOfAnotherBody, notHex })
        {
            var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains("X-Infobip-Signature", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await Ledger.ListOrphanReportsAsync(0, 100_000), o => o.Report.MessageId == id);
        // Unsigned, the inbound message was not recorded either: the signed one is applied, not a duplicate.
        using var signed = await _client.SendAsync(Payloads.Post(Sandbox + endpoint, body, ServerFactory.SandboxHmacSecret));
        Assert.Equal(new Receipt(1, 1), await signed.Content.ReadFromJsonAsync<Receipt>());
    }

    [Fact]
    public async Task A_connection_with_basic_and_hmac_needs_both()
    {
        var body = Payloads.DeliveryReport($"both-{Guid.NewGuid():N}");
        var basic = Payloads.Basic(ServerFactory.BasicUser, ServerFactory.BasicPassword);

        using var basicOnly = await _client.SendAsync(Payloads.Post(Signed + "delivery-reports", body, authorization: basic));
        using var signatureOnly = await _client.SendAsync(Payloads.Post(Signed + "delivery-reports", body, ServerFactory.SignedHmacSecret));
        using var both = await _client.SendAsync(Payloads.Post(Signed + "delivery-reports", body, ServerFactory.SignedHmacSecret, basic));

        await Problems.AssertProblemAsync(basicOnly, HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(signatureOnly, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_unknown_connection_is_404(string endpoint)
    {
        using var response = await _client.SendAsync(Payloads.Post("/webhooks/infobip/nobody/" + endpoint, ValidBody(endpoint, "x"), ServerFactory.SandboxHmacSecret));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("'nobody'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_that_is_not_json_is_415(string endpoint)
    {
        var body = ValidBody(endpoint, $"text-{Guid.NewGuid():N}");

        using var text = await _client.SendAsync(Payloads.Post(Sandbox + endpoint, body, ServerFactory.SandboxHmacSecret, contentType: "text/plain"));
        using var form = await _client.SendAsync(Payloads.Post(Sandbox + endpoint, body, ServerFactory.SandboxHmacSecret, contentType: "application/x-www-form-urlencoded"));

        await Problems.AssertProblemAsync(text, HttpStatusCode.UnsupportedMediaType);
        await Problems.AssertProblemAsync(form, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Broken_json_is_400_naming_the_parsers_path(string endpoint)
    {
        const string body = """{ "results": [ { "messageId": "x", """;

        using var response = await _client.SendAsync(Payloads.Post(Sandbox + endpoint, body, ServerFactory.SandboxHmacSecret));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        var path = problem.GetProperty("jsonPath").GetString()!;
        Assert.StartsWith("$", path, StringComparison.Ordinal);
        Assert.StartsWith(path + ": ", detail, StringComparison.Ordinal);
        Assert.Contains("JSON", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_missing_field_is_400_with_the_parsers_path_and_reason(string endpoint)
    {
        var body = ValidBody(endpoint, "fb469d73").Replace("\"messageId\": \"fb469d73\",", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("fb469d73", body, StringComparison.Ordinal);

        using var response = await _client.SendAsync(Payloads.Post(Sandbox + endpoint, body, ServerFactory.SandboxHmacSecret));

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("$.results[0].messageId: required field is missing", problem.GetProperty("detail").GetString());
        Assert.Equal("$.results[0].messageId", problem.GetProperty("jsonPath").GetString());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_over_large_body_is_413(string endpoint)
    {
        var body = "{\"results\":[" + new string(' ', 10 * 1024 * 1024) + "]}";

        using var response = await _client.SendAsync(Payloads.Post(Sandbox + endpoint, body, ServerFactory.SandboxHmacSecret));

        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_over_large_body_without_a_length_is_413_too()
    {
        var body = Encoding.UTF8.GetBytes("{\"results\":[" + new string(' ', 10 * 1024 * 1024) + "]}");
        using var request = new HttpRequestMessage(HttpMethod.Post, Sandbox + "delivery-reports")
        {
            Content = new StreamContent(new UnseekableStream(body)),
        };
        request.Content.Headers.ContentType = new("application/json");

        using var response = await _client.SendAsync(request);

        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private sealed record Receipt(int Received, int Applied);

    /// <summary>A body whose length the client cannot know, so it is sent chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
