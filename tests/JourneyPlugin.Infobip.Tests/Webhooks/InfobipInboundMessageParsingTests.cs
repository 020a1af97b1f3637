using System.Text.Json;
using JourneyPlugin.Infobip.Serialization;
using JourneyPlugin.Infobip.Webhooks;
using static JourneyPlugin.Infobip.Tests.Webhooks.InfobipWebhookPayloads;

namespace JourneyPlugin.Infobip.Tests.Webhooks;

public sealed class InfobipInboundMessageParsingTests
{
    [Fact]
    public void Parses_the_documented_inbound_text_message()
    {
        var batch = InfobipWebhookParser.ParseInboundMessages(Utf8(InboundText));

        Assert.Equal(1, batch.MessageCount);
        Assert.Equal(0, batch.PendingMessageCount);
        var message = Assert.Single(batch.Results);
        Assert.Equal("385919998888", message.From);
        Assert.Equal("41793026731", message.To);
        Assert.Equal("WHATSAPP", message.IntegrationType);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 10, 10, 0, TimeSpan.Zero), message.ReceivedAt);
        Assert.Equal("wamid.HBgLMjc4…", message.MessageId);
        Assert.Equal("…", message.PairedMessageId);
        Assert.Equal("…", message.CallbackData);
        Assert.Equal("…", message.Keyword);
        Assert.Equal(new InfobipPrice(0m, "EUR"), message.Price);
        Assert.Equal(new InfobipWebhookContact("Frank", "385919998888", "HR.123123123", "…", "Frank"), message.Contact);
        Assert.Equal("…", message.EntityId);
        Assert.Equal("…", message.ApplicationId);

        var text = Assert.IsType<InfobipInboundText>(message.Message);
        Assert.Equal("TEXT", text.Type);
        Assert.Equal("Hello, World!", text.Text);
        Assert.Null(text.Context);
        Assert.Equal("Hello, World!", text.ReplyText);
        Assert.Null(text.ReplyId);
        Assert.Equal(JsonValueKind.Object, text.Raw.ValueKind);
        Assert.Equal("Hello, World!", text.Raw.GetProperty("text").GetString());
        Assert.Equal("TEXT", text.Raw.GetProperty("type").GetString());
    }

    [Fact]
    public void Parses_a_quick_reply_button()
    {
        var message = ParseOne("""
            { "type": "BUTTON", "text": "Yes, confirm", "payload": "confirm-123",
              "context": { "from": "41793026731", "id": "a28dd97c-1ffb-4fcf-99f1-0b557ed381da" } }
            """);

        var button = Assert.IsType<InfobipInboundButtonReply>(message);
        Assert.Equal("BUTTON", button.Type);
        Assert.Equal("Yes, confirm", button.Text);
        Assert.Equal("confirm-123", button.Payload);
        Assert.Equal("Yes, confirm", button.ReplyText);
        Assert.Equal("confirm-123", button.ReplyId);
        Assert.Equal(new InfobipInboundContext("41793026731", "a28dd97c-1ffb-4fcf-99f1-0b557ed381da"), button.Context);
        Assert.Equal("confirm-123", button.Raw.GetProperty("payload").GetString());
    }

    [Fact]
    public void Parses_an_interactive_button_reply()
    {
        var message = ParseOne("""{ "type": "INTERACTIVE_BUTTON_REPLY", "id": "btn-yes", "title": "Yes" }""");

        var reply = Assert.IsType<InfobipInboundInteractiveButtonReply>(message);
        Assert.Equal("INTERACTIVE_BUTTON_REPLY", reply.Type);
        Assert.Equal("btn-yes", reply.Id);
        Assert.Equal("Yes", reply.Title);
        Assert.Equal("Yes", reply.ReplyText);
        Assert.Equal("btn-yes", reply.ReplyId);
    }

    [Fact]
    public void Parses_an_interactive_list_reply()
    {
        var message = ParseOne("""
            { "type": "INTERACTIVE_LIST_REPLY", "id": "slot-0900", "title": "9:00", "description": "Tomorrow morning",
              "context": { "from": "41793026731", "id": "wamid.LIST" } }
            """);

        var reply = Assert.IsType<InfobipInboundListReply>(message);
        Assert.Equal("INTERACTIVE_LIST_REPLY", reply.Type);
        Assert.Equal("slot-0900", reply.Id);
        Assert.Equal("9:00", reply.Title);
        Assert.Equal("Tomorrow morning", reply.Description);
        Assert.Equal("9:00", reply.ReplyText);
        Assert.Equal("slot-0900", reply.ReplyId);
        Assert.Equal("wamid.LIST", reply.Context!.Id);
    }

    [Fact]
    public void Parses_an_image_with_a_caption()
    {
        var message = ParseOne("""
            { "type": "IMAGE", "url": "https://example.api.infobip.com/whatsapp/1/senders/41793026731/media/1a2b3c",
              "caption": "My receipt" }
            """);

        var image = Assert.IsType<InfobipInboundMedia>(message);
        Assert.Equal("IMAGE", image.Type);
        Assert.Equal("https://example.api.infobip.com/whatsapp/1/senders/41793026731/media/1a2b3c", image.Url);
        Assert.Equal("My receipt", image.Caption);
        Assert.Null(image.ReplyText);
        Assert.Null(image.ReplyId);
    }

    [Theory]
    [InlineData("DOCUMENT")]
    [InlineData("VIDEO")]
    [InlineData("VOICE")]
    [InlineData("AUDIO")]
    [InlineData("STICKER")]
    public void Parses_other_media_types(string type)
    {
        var message = ParseOne($$"""{ "type": "{{type}}", "url": "https://example.api.infobip.com/whatsapp/1/senders/41793026731/media/{{type}}" }""");

        var media = Assert.IsType<InfobipInboundMedia>(message);
        Assert.Equal(type, media.Type);
        Assert.Equal($"https://example.api.infobip.com/whatsapp/1/senders/41793026731/media/{type}", media.Url);
        Assert.Null(media.Caption);
    }

    [Fact]
    public void Parses_a_location()
    {
        var message = ParseOne("""
            { "type": "LOCATION", "latitude": 45.815011, "longitude": 15.981919, "name": "Ban Jelačić Square",
              "address": "Trg bana Josipa Jelačića, Zagreb", "url": "https://www.zagreb.hr" }
            """);

        var location = Assert.IsType<InfobipInboundLocation>(message);
        Assert.Equal("LOCATION", location.Type);
        Assert.Equal(45.815011, location.Latitude);
        Assert.Equal(15.981919, location.Longitude);
        Assert.Equal("Ban Jelačić Square", location.Name);
        Assert.Equal("Trg bana Josipa Jelačića, Zagreb", location.Address);
        Assert.Equal("https://www.zagreb.hr", location.Url);
        Assert.Null(location.ReplyText);
    }

    [Fact]
    public void Parses_shared_contacts_keeping_unmodelled_fields_in_raw()
    {
        var message = ParseOne("""
            { "type": "CONTACT", "contacts": [
                { "name": { "firstName": "Ana", "lastName": "Horvat", "formattedName": "Ana Horvat" },
                  "phones": [ { "phone": "+385 91 999 8888", "type": "CELL", "waId": "385919998888" },
                              { "phone": "+385 1 234 5678", "type": "WORK" } ],
                  "emails": [ { "email": "ana@example.com", "type": "WORK" } ],
                  "org": { "company": "Example d.o.o.", "title": "Buyer" } },
                { "name": { "firstName": "Ivo", "formattedName": "Ivo" } } ] }
            """);

        var shared = Assert.IsType<InfobipInboundContacts>(message);
        Assert.Equal("CONTACT", shared.Type);
        Assert.Equal(2, shared.Contacts.Count);
        var ana = shared.Contacts[0];
        Assert.Equal(new InfobipContactCardName("Ana", "Horvat", "Ana Horvat"), ana.Name);
        Assert.Equal(
            [new InfobipContactCardPhone("+385 91 999 8888", "CELL", "385919998888"), new InfobipContactCardPhone("+385 1 234 5678", "WORK")],
            ana.Phones!);
        Assert.Equal([new InfobipContactCardEmail("ana@example.com", "WORK")], ana.Emails!);
        Assert.Equal(new InfobipContactCardName("Ivo", null, "Ivo"), shared.Contacts[1].Name);
        Assert.Null(shared.Contacts[1].Phones);
        Assert.Equal("Example d.o.o.", shared.Raw.GetProperty("contacts")[0].GetProperty("org").GetProperty("company").GetString());
    }

    [Fact]
    public void Keeps_a_reaction_as_unknown_with_its_raw_json()
    {
        var message = ParseOne("""
            { "type": "REACTION", "emoji": "👍", "action": "ADDED",
              "context": { "from": "41793026731", "id": "wamid.REACTED" } }
            """);

        var unknown = Assert.IsType<InfobipInboundUnknown>(message);
        Assert.Equal("REACTION", unknown.Type);
        Assert.Equal(new InfobipInboundContext("41793026731", "wamid.REACTED"), unknown.Context);
        Assert.Null(unknown.ReplyText);
        Assert.Null(unknown.ReplyId);
        Assert.Equal("👍", unknown.Raw.GetProperty("emoji").GetString());
        Assert.Equal("ADDED", unknown.Raw.GetProperty("action").GetString());
        Assert.Equal("wamid.REACTED", unknown.Raw.GetProperty("context").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("ORDER")]
    [InlineData("UNSUPPORTED")]
    [InlineData("INTERACTIVE_FLOW_REPLY")]
    [InlineData("SOMETHING_INFOBIP_ADDS_IN_2030")]
    [InlineData("text")] // types are matched exactly as Infobip writes them
    [InlineData("")]
    public void Keeps_other_types_as_unknown(string type)
    {
        var message = ParseOne($$"""{ "type": "{{type}}", "whatever": { "nested": [1, 2, 3] } }""");

        var unknown = Assert.IsType<InfobipInboundUnknown>(message);
        Assert.Equal(type, unknown.Type);
        Assert.Equal(3, unknown.Raw.GetProperty("whatever").GetProperty("nested").GetArrayLength());
    }

    [Fact]
    public void Raw_outlives_the_request_body()
    {
        var body = Utf8(Inbound("""{ "type": "REACTION", "emoji": "🎉", "action": "ADDED" }"""));
        var message = Assert.Single(InfobipWebhookParser.ParseInboundMessages(body).Results).Message;

        Array.Clear(body);

        Assert.Equal("🎉", message.Raw.GetProperty("emoji").GetString());
        Assert.Equal("""{ "type": "REACTION", "emoji": "🎉", "action": "ADDED" }""", message.Raw.GetRawText());
    }

    [Fact]
    public void Raw_keeps_fields_the_model_does_not_have()
    {
        var message = ParseOne("""
            { "type": "TEXT", "text": "Hi", "referral": { "sourceType": "ad", "sourceId": "123" },
              "context": { "from": "41793026731", "id": "wamid.ORIGINAL", "groupId": "g-1" } }
            """);

        var text = Assert.IsType<InfobipInboundText>(message);
        Assert.Equal(new InfobipInboundContext("41793026731", "wamid.ORIGINAL"), text.Context);
        Assert.Equal("123", text.Raw.GetProperty("referral").GetProperty("sourceId").GetString());
        Assert.Equal("g-1", text.Raw.GetProperty("context").GetProperty("groupId").GetString());
    }

    [Fact]
    public void Type_need_not_come_first()
    {
        var message = ParseOne("""{ "text": "Late type", "context": { "id": "x" }, "type": "TEXT" }""");

        Assert.Equal("Late type", Assert.IsType<InfobipInboundText>(message).Text);
    }

    [Fact]
    public void Parses_a_batch_of_several_types_with_counts()
    {
        var json = """
            { "results": [
                { "from": "385919998888", "to": "41793026731", "receivedAt": "2025-01-01T10:10:00.000+0000",
                  "messageId": "wamid.1", "message": { "type": "TEXT", "text": "one" } },
                { "from": "385919998889", "to": "41793026731", "receivedAt": "2025-01-01T10:10:01.5-03:00",
                  "messageId": "wamid.2", "message": { "type": "INTERACTIVE_BUTTON_REPLY", "id": "b", "title": "two" } } ],
              "messageCount": 2, "pendingMessageCount": 5 }
            """;

        var batch = InfobipWebhookParser.ParseInboundMessages(Utf8(json));

        Assert.Equal(2, batch.MessageCount);
        Assert.Equal(5, batch.PendingMessageCount);
        Assert.Equal(["one", "two"], batch.Results.Select(r => r.Message.ReplyText));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 10, 10, 1, 500, TimeSpan.FromHours(-3)), batch.Results[1].ReceivedAt);
        Assert.Null(batch.Results[1].Price);
        Assert.Null(batch.Results[1].IntegrationType);
    }

    [Fact]
    public async Task Stream_overload_gives_the_same_result()
    {
        await using var stream = new TrickleStream(Utf8(InboundText), chunkSize: 3);

        var batch = await InfobipWebhookParser.ParseInboundMessagesAsync(stream);

        var message = Assert.Single(batch.Results);
        Assert.Equal("wamid.HBgLMjc4…", message.MessageId);
        Assert.Equal("Hello, World!", message.Message.ReplyText);
    }

    [Fact]
    public void Memory_overload_gives_the_same_result()
    {
        ReadOnlyMemory<byte> body = Utf8(InboundText);

        Assert.Equal("Hello, World!", Assert.Single(InfobipWebhookParser.ParseInboundMessages(body).Results).Message.ReplyText);
    }

    [Fact]
    public void Serializing_a_parsed_batch_writes_infobip_timestamps_and_the_raw_message()
    {
        var batch = InfobipWebhookParser.ParseInboundMessages(Utf8(Inbound("""{ "type": "REACTION", "emoji": "👍" }""")));

        var json = JsonSerializer.Serialize(batch, InfobipWebhookJsonContext.Default.InfobipInboundMessageBatch);
        var reparsed = InfobipWebhookParser.ParseInboundMessages(Utf8(json));

        Assert.Contains("\"receivedAt\":\"2025-01-01T10:10:00.000+0000\"", json, StringComparison.Ordinal);
        Assert.Equal(batch.Results[0].ReceivedAt, reparsed.Results[0].ReceivedAt);
        Assert.Equal("👍", reparsed.Results[0].Message.Raw.GetProperty("emoji").GetString());
        Assert.DoesNotContain("replyText", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serializing_built_content_writes_its_fields()
    {
        var content = new InfobipInboundListReply("INTERACTIVE_LIST_REPLY", "row-1", "Row") { Context = new("41793026731", "wamid.X") };

        var json = JsonSerializer.Serialize<InfobipInboundContent>(content, InfobipWebhookJsonContext.Default.Options);
        var parsed = Assert.IsType<InfobipInboundListReply>(ParseOne(json));

        Assert.Equal("row-1", parsed.Id);
        Assert.Equal("Row", parsed.Title);
        Assert.Equal("wamid.X", parsed.Context!.Id);
    }

    private static InfobipInboundContent ParseOne(string messageJson) =>
        Assert.Single(InfobipWebhookParser.ParseInboundMessages(Utf8(Inbound(messageJson))).Results).Message;
}
