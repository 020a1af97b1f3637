using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Client;
using JourneyPlugin.Infobip.Messages;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace JourneyPlugin.Infobip.Tests.Client;

public sealed class InfobipClientSendTests : IDisposable
{
    private readonly InfobipClientHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private void AnswerSingle(string path, string to, string messageId) =>
        _harness.Server.Given(Request.Create().WithPath(path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(InfobipResponses.Single(to, messageId)));

    private JsonNode LastRequestBody()
    {
        var entry = Assert.Single(_harness.Server.LogEntries);
        return JsonNode.Parse(entry.RequestMessage.Body!)!;
    }

    private static void AssertJson(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}{Environment.NewLine}but got {actual.ToJsonString()}");

    [Fact]
    public async Task Text_is_posted_with_the_app_key_header_a_normalised_number_and_the_callers_message_id()
    {
        AnswerSingle("/whatsapp/1/message/text", "84912345678", "run1-cust1-send1");
        var client = _harness.CreateClient();

        var result = await client.SendAsync(new InfobipTextMessage
        {
            To = "+84 912-345-678",
            MessageId = "run1-cust1-send1",
            Text = "Hello Lan",
            CallbackData = "journey=welcome",
            NotifyUrl = new Uri("https://hooks.example.com/infobip/dlr"),
        });

        var request = Assert.Single(_harness.Server.LogEntries).RequestMessage;
        Assert.Equal($"App {InfobipClientHarness.ApiKey}", request.Headers!["Authorization"].Single());
        Assert.StartsWith("application/json", request.Headers["Content-Type"].Single(), StringComparison.Ordinal);
        AssertJson("""
            {"from":"447860099299","to":"84912345678","messageId":"run1-cust1-send1",
             "content":{"text":"Hello Lan"},"callbackData":"journey=welcome","notifyUrl":"https://hooks.example.com/infobip/dlr"}
            """, LastRequestBody());

        Assert.Equal(InfobipSendOutcome.Accepted, result.Outcome);
        Assert.Equal("run1-cust1-send1", result.MessageId);
        Assert.Equal("84912345678", result.To);
        Assert.Equal(new InfobipMessageStatus(1, "PENDING", 7, "PENDING_ENROUTE", "Message sent to next instance"), result.Status);
        Assert.Equal(200, result.HttpStatusCode);
        Assert.Equal(InfobipResponses.Single("84912345678", "run1-cust1-send1"), result.RawResponse);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task The_connections_notify_url_is_used_when_the_message_names_none()
    {
        AnswerSingle("/whatsapp/1/message/text", "84912345678", "m1");
        var client = _harness.CreateClient(notifyUrl: new Uri("https://cdp.example.com/webhooks/infobip"));

        await client.SendAsync(new InfobipTextMessage { To = "84912345678", MessageId = "m1", Text = "Hi" });

        Assert.Equal("https://cdp.example.com/webhooks/infobip", LastRequestBody()["notifyUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Template_goes_to_the_bulk_endpoint_with_placeholders_header_media_buttons_and_language()
    {
        _harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/template").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(InfobipResponses.Bulk("bulk-7", ("84912345678", "t-1"))));
        var client = _harness.CreateClient();

        var result = await client.SendAsync(new InfobipTemplateMessage
        {
            To = "84912345678",
            MessageId = "t-1",
            TemplateName = "order_shipped",
            Language = "en_GB",
            BodyPlaceholders = ["Lan", "A-1042"],
            Header = InfobipTemplateHeader.FromMedia("IMAGE", "https://cdn.example.com/box.png"),
            Buttons = [new("URL", "A-1042"), new("QUICK_REPLY", "STOP")],
        });

        AssertJson("""
            {"messages":[{"from":"447860099299","to":"84912345678","messageId":"t-1",
              "content":{"templateName":"order_shipped",
                         "templateData":{"body":{"placeholders":["Lan","A-1042"]},
                                         "header":{"type":"IMAGE","mediaUrl":"https://cdn.example.com/box.png"},
                                         "buttons":[{"type":"URL","parameter":"A-1042"},{"type":"QUICK_REPLY","parameter":"STOP"}]},
                         "language":"en_GB"}}]}
            """, LastRequestBody());
        Assert.Equal(InfobipSendOutcome.Accepted, result.Outcome);
        Assert.Equal("bulk-7", result.BulkId);
        Assert.Equal("PENDING_ENROUTE", result.Status!.Name);
    }

    [Fact]
    public async Task Several_templates_are_sent_in_one_bulk_call_and_answered_per_message()
    {
        _harness.Server.Given(Request.Create().WithPath("/whatsapp/1/message/template").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(InfobipResponses.Bulk("b-9", ("84912345678", "a"), ("385919998888", "b"))));
        var client = _harness.CreateClient();
        InfobipTemplateMessage Template(string to, string id) => new() { To = to, MessageId = id, TemplateName = "welcome_offer", Language = "en", BodyPlaceholders = ["x"] };

        var results = await client.SendTemplatesAsync([Template("84912345678", "a"), Template("+385 91 999 8888", "b")], bulkId: "b-9");

        var body = LastRequestBody();
        Assert.Equal("b-9", body["bulkId"]!.GetValue<string>());
        Assert.Equal(["84912345678", "385919998888"], body["messages"]!.AsArray().Select(m => m!["to"]!.GetValue<string>()));
        Assert.Equal(["a", "b"], results.Select(r => r.MessageId));
        Assert.All(results, r => Assert.Equal(InfobipSendOutcome.Accepted, r.Outcome));
    }

    public static TheoryData<InfobipMessage, string, string> MessageKinds() => new()
    {
        {
            new InfobipMediaMessage { To = "84912345678", MessageId = "i", Kind = InfobipMediaKind.Image, MediaUrl = "https://cdn.example.com/a.jpg", Caption = "New in" },
            "/whatsapp/1/message/image",
            """{"mediaUrl":"https://cdn.example.com/a.jpg","caption":"New in"}"""
        },
        {
            new InfobipMediaMessage { To = "84912345678", MessageId = "i", Kind = InfobipMediaKind.Document, MediaUrl = "https://cdn.example.com/a.pdf", Caption = "Invoice", Filename = "invoice.pdf" },
            "/whatsapp/1/message/document",
            """{"mediaUrl":"https://cdn.example.com/a.pdf","caption":"Invoice","filename":"invoice.pdf"}"""
        },
        {
            new InfobipMediaMessage { To = "84912345678", MessageId = "i", Kind = InfobipMediaKind.Video, MediaUrl = "https://cdn.example.com/a.mp4" },
            "/whatsapp/1/message/video",
            """{"mediaUrl":"https://cdn.example.com/a.mp4"}"""
        },
        {
            new InfobipMediaMessage { To = "84912345678", MessageId = "i", Kind = InfobipMediaKind.Audio, MediaUrl = "https://cdn.example.com/a.mp3" },
            "/whatsapp/1/message/audio",
            """{"mediaUrl":"https://cdn.example.com/a.mp3"}"""
        },
        {
            new InfobipInteractiveButtonsMessage
            {
                To = "84912345678", MessageId = "i", BodyText = "Shall we book you in?",
                Buttons = [new("yes", "Yes"), new("no", "No")],
                Header = InfobipInteractiveHeader.FromText("Appointment"), FooterText = "Reply any time",
            },
            "/whatsapp/1/message/interactive/buttons",
            """{"header":{"type":"TEXT","text":"Appointment"},"body":{"text":"Shall we book you in?"},"action":{"buttons":[{"type":"REPLY","id":"yes","title":"Yes"},{"type":"REPLY","id":"no","title":"No"}]},"footer":{"text":"Reply any time"}}"""
        },
        {
            new InfobipInteractiveListMessage
            {
                To = "84912345678", MessageId = "i", BodyText = "Pick a time", ButtonText = "Times",
                Sections = [new("Monday", [new("mon-9", "9:00", "Morning"), new("mon-14", "14:00")]), new("Tuesday", [new("tue-9", "9:00")])],
            },
            "/whatsapp/1/message/interactive/list",
            """{"body":{"text":"Pick a time"},"action":{"title":"Times","sections":[{"title":"Monday","rows":[{"id":"mon-9","title":"9:00","description":"Morning"},{"id":"mon-14","title":"14:00"}]},{"title":"Tuesday","rows":[{"id":"tue-9","title":"9:00"}]}]}}"""
        },
    };

    [Theory]
    [MemberData(nameof(MessageKinds))]
    public async Task Each_message_kind_goes_to_its_endpoint_with_infobips_content_shape(InfobipMessage message, string path, string content)
    {
        AnswerSingle(path, "84912345678", "i");
        var client = _harness.CreateClient();

        var result = await client.SendAsync(message);

        Assert.Equal(InfobipSendOutcome.Accepted, result.Outcome);
        Assert.Equal(path, Assert.Single(_harness.Server.LogEntries).RequestMessage.Path);
        AssertJson(content, LastRequestBody()["content"]!);
    }
}
