using System.Text;
using JourneyPlugin.Infobip.Webhooks;
using static JourneyPlugin.Infobip.Tests.Webhooks.InfobipWebhookPayloads;

namespace JourneyPlugin.Infobip.Tests.Webhooks;

public sealed class InfobipWebhookMalformedInputTests
{
    private const string Status = """{"groupId":3,"groupName":"DELIVERED","id":5,"name":"DELIVERED_TO_HANDSET"}""";

    [Theory]
    [InlineData("""{}""", "$.results: required field is missing")]
    [InlineData("""{"results":null}""", "$.results: required field is missing")]
    [InlineData("""{"results":{}}""", "$.results: expected an array, found an object")]
    [InlineData("""{"results":"none"}""", "$.results: expected an array, found 'none'")]
    [InlineData("""{"results":[null]}""", "$.results[0]: expected an object, found null")]
    [InlineData("""{"results":[42]}""", "$.results[0]: expected an object, found 42")]
    [InlineData("""{"results":[{"to":"41793026731","status":""" + Status + "}]}", "$.results[0].messageId: required field is missing")]
    [InlineData("""{"results":[{"messageId":null,"to":"41793026731","status":""" + Status + "}]}", "$.results[0].messageId: required field is missing")]
    [InlineData("""{"results":[{"messageId":"m","status":""" + Status + "}]}", "$.results[0].to: required field is missing")]
    [InlineData("""{"results":[{"messageId":"m","to":"41793026731"}]}""", "$.results[0].status: required field is missing")]
    [InlineData("""{"results":[{"messageId":"m","to":"1","status":{"groupId":3,"id":5,"name":"DELIVERED_TO_HANDSET"}}]}""", "$.results[0].status.groupName: required field is missing")]
    [InlineData("""{"results":[{"messageId":"m","to":"1","status":{"groupId":3,"groupName":"DELIVERED","id":5}}]}""", "$.results[0].status.name: required field is missing")]
    [InlineData("""{"results":[{"messageId":"m","to":"1","status":"DELIVERED"}]}""", "$.results[0].status: expected an object, found 'DELIVERED'")]
    [InlineData("""{"results":[{"messageId":42,"to":"1","status":""" + Status + "}]}", "$.results[0].messageId: expected a string, found 42")]
    [InlineData("""{"results":[{"messageId":"m","to":"1","messageCount":"one","status":""" + Status + "}]}", "$.results[0].messageCount: expected a 32-bit integer, found 'one'")]
    [InlineData("""{"results":[{"messageId":"m","to":"1","messageCount":1.5,"status":""" + Status + "}]}", "$.results[0].messageCount: expected a 32-bit integer, found 1.5")]
    [InlineData("""{"results":[{"messageId":"m","to":"1","messageCount":99999999999,"status":""" + Status + "}]}", "$.results[0].messageCount: expected a 32-bit integer, found 99999999999")]
    [InlineData("""{"results":[{"messageId":"m","to":"1","status":{"groupId":"3","groupName":"DELIVERED","id":5,"name":"D"}}]}""", "$.results[0].status.groupId: expected a 32-bit integer, found '3'")]
    [InlineData("""{"results":[{"messageId":"m","to":"1","status":""" + Status + ""","price":{"pricePerMessage":"cheap"}}]}""", "$.results[0].price.pricePerMessage: expected a number, found 'cheap'")]
    [InlineData("""{"results":[{"messageId":"m","to":"1","status":""" + Status + ""","error":{"id":0,"groupId":0,"permanent":"no"}}]}""", "$.results[0].error.permanent: expected true or false, found 'no'")]
    [InlineData("""{"results":[{"messageId":"m","to":"1","status":""" + Status + ""","contact":[]}]}""", "$.results[0].contact: expected an object, found an array")]
    [InlineData("""{"results":[{"messageId":"m","to":"1","status":""" + Status + ""","doneAt":"2019-13-09T16:01:56.494-0300"}]}""", "$.results[0].doneAt: '2019-13-09T16:01:56.494-0300' is not an Infobip timestamp (expected yyyy-MM-ddTHH:mm:ss[.fffffff] followed by an offset such as -0300, -03:00 or Z)")]
    [InlineData("""{"results":[{"messageId":"m","to":"1","status":""" + Status + ""","sentAt":1554836516494}]}""", "$.results[0].sentAt: expected an Infobip timestamp (yyyy-MM-ddTHH:mm:ss[.fffffff] followed by an offset such as -0300, -03:00 or Z), found 1554836516494")]
    [InlineData("""[]""", "$: expected an object, found an array")]
    [InlineData("""null""", "$: expected an object, found null")]
    [InlineData("\"results\"", "$: expected an object, found 'results'")]
    public void Delivery_report_errors_name_the_path_and_the_reason(string json, string message)
    {
        var e = Assert.Throws<InfobipWebhookFormatException>(() => InfobipWebhookParser.ParseDeliveryReports(Utf8(json)));

        Assert.Equal(message, e.Message);
        Assert.Equal(message, $"{e.JsonPath}: {e.Reason}");
    }

    [Fact]
    public void Bad_timestamp_in_the_fourth_report_names_its_index()
    {
        var json = DeliveryReports(4).Replace("2025-03-01T08:00:03.003+0100", "2019-13-09T16:01:56.494-0300", StringComparison.Ordinal);

        var e = Assert.Throws<InfobipWebhookFormatException>(() => InfobipWebhookParser.ParseDeliveryReports(Utf8(json)));

        Assert.StartsWith("$.results[3].doneAt: '2019-13-09T16:01:56.494-0300' is not an Infobip timestamp", e.Message, StringComparison.Ordinal);
        Assert.Equal("$.results[3].doneAt", e.JsonPath);
    }

    [Fact]
    public void Missing_field_in_a_large_batch_names_its_index()
    {
        var json = DeliveryReports(2_000).Replace("\"messageId\":\"msg-01234\",", "", StringComparison.Ordinal);

        var e = Assert.Throws<InfobipWebhookFormatException>(() => InfobipWebhookParser.ParseDeliveryReports(Utf8(json)));

        Assert.Equal("$.results[1234].messageId: required field is missing", e.Message);
    }

    [Theory]
    [InlineData("""{"results": [ }""", "$: not valid JSON (line 1, byte 15)")]
    [InlineData("""{"results": nope}""", "$: not valid JSON (line 1, byte 14)")] // the 'o'; "n" could start null
    [InlineData("""{"results":[{"messageId":"m",}]}""", "$: not valid JSON (line 1, byte 30)")]
    [InlineData("""{"results":[]} trailing""", "$: not valid JSON (line 1, byte 16)")]
    [InlineData("""{"results":[]""", "$: not valid JSON (line 1, byte 14)")]
    [InlineData("{\n  \"results\": [\n    oops\n  ]\n}", "$: not valid JSON (line 3, byte 5)")]
    [InlineData("<xml/>", "$: not valid JSON (line 1, byte 1)")]
    [InlineData("{'results':[]}", "$: not valid JSON (line 1, byte 2)")]
    [InlineData("{\"results\":[]} // comment", "$: not valid JSON (line 1, byte 16)")]
    public void Text_that_is_not_json_is_reported_with_line_and_byte(string json, string message)
    {
        var e = Assert.Throws<InfobipWebhookFormatException>(() => InfobipWebhookParser.ParseDeliveryReports(Utf8(json)));

        Assert.Equal(message, e.Message);
        Assert.Equal("$", e.JsonPath);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    public void Empty_body_is_reported_as_such(string json)
    {
        var e = Assert.Throws<InfobipWebhookFormatException>(() => InfobipWebhookParser.ParseDeliveryReports(Utf8(json)));

        Assert.Equal("$: not valid JSON (the body is empty)", e.Message);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_line_and_byte()
    {
        byte[] body = [.. "{\"results\":[\n{\"messageId\":\"é"u8, 0xC3, 0x28, .. "\"}]}"u8];

        var e = Assert.Throws<InfobipWebhookFormatException>(() => InfobipWebhookParser.ParseDeliveryReports(body));

        Assert.Equal("$: not valid UTF-8 (line 2, byte 17)", e.Message);
    }

    [Theory]
    [InlineData("""{"results":[{"seenAt":"2025-01-01T10:10:00.000+0000"}]}""", "$.results[0].messageId: required field is missing")]
    [InlineData("""{"results":[{"messageId":"m","seenAt":"yesterday"}]}""", "$.results[0].seenAt: 'yesterday' is not an Infobip timestamp (expected yyyy-MM-ddTHH:mm:ss[.fffffff] followed by an offset such as -0300, -03:00 or Z)")]
    [InlineData("""{"results":[{"messageId":"m"},{"messageId":"n","from":7}]}""", "$.results[1].from: expected a string, found 7")]
    [InlineData("""{"result":[]}""", "$.results: required field is missing")]
    public void Seen_report_errors_name_the_path_and_the_reason(string json, string message)
    {
        var e = Assert.Throws<InfobipWebhookFormatException>(() => InfobipWebhookParser.ParseSeenReports(Utf8(json)));

        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"TEXT","text":"x"} """, "$.results[0].messageId: required field is missing")]
    [InlineData(""" "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"TEXT","text":"x"} """, "$.results[0].from: required field is missing")]
    [InlineData(""" "from": "385919998888", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"TEXT","text":"x"} """, "$.results[0].to: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "message": {"type":"TEXT","text":"x"} """, "$.results[0].receivedAt: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000" """, "$.results[0].message: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": null """, "$.results[0].message: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": "hello" """, "$.results[0].message: expected an object, found 'hello'")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"text":"x"} """, "$.results[0].message.type: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":null} """, "$.results[0].message.type: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":5} """, "$.results[0].message.type: expected a string, found 5")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"TEXT"} """, "$.results[0].message.text: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"TEXT","text":["x"]} """, "$.results[0].message.text: expected a string, found an array")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"BUTTON","payload":"p"} """, "$.results[0].message.text: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"INTERACTIVE_BUTTON_REPLY","title":"t"} """, "$.results[0].message.id: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"INTERACTIVE_LIST_REPLY","id":"i"} """, "$.results[0].message.title: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"IMAGE","caption":"c"} """, "$.results[0].message.url: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"LOCATION","latitude":45.8} """, "$.results[0].message.longitude: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"LOCATION","latitude":"north","longitude":15.9} """, "$.results[0].message.latitude: expected a number, found 'north'")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"CONTACT"} """, "$.results[0].message.contacts: required field is missing")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"CONTACT","contacts":[null]} """, "$.results[0].message.contacts[0]: expected an object, found null")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"CONTACT","contacts":[{"name":{"firstName":"A"}},{"phones":"x"}]} """, "$.results[0].message.contacts[1].phones: expected an array, found 'x'")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"REACTION","context":"x"} """, "$.results[0].message.context: expected an object, found 'x'")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01", "message": {"type":"TEXT","text":"x"} """, "$.results[0].receivedAt: '2025-01-01' is not an Infobip timestamp (expected yyyy-MM-ddTHH:mm:ss[.fffffff] followed by an offset such as -0300, -03:00 or Z)")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": null, "message": {"type":"TEXT","text":"x"} """, "$.results[0].receivedAt: expected an Infobip timestamp (yyyy-MM-ddTHH:mm:ss[.fffffff] followed by an offset such as -0300, -03:00 or Z), found null")]
    [InlineData(""" "from": "385919998888", "to": "41793026731", "messageId": "w", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"TEXT","text":"x"}, "price": {"pricePerMessage": {}} """, "$.results[0].price.pricePerMessage: expected a number, found an object")]
    public void Inbound_message_errors_name_the_path_and_the_reason(string fields, string message)
    {
        var json = $$"""{ "results": [ { {{fields}} } ], "messageCount": 1, "pendingMessageCount": 0 }""";

        var e = Assert.Throws<InfobipWebhookFormatException>(() => InfobipWebhookParser.ParseInboundMessages(Utf8(json)));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Error_in_a_later_inbound_message_names_its_index()
    {
        var json = """
            { "results": [
                { "from": "1", "to": "2", "messageId": "w1", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"TEXT","text":"x"} },
                { "from": "1", "to": "2", "messageId": "w2", "receivedAt": "2025-01-01T10:10:00.000+0000", "message": {"type":"LOCATION","latitude":1,"longitude":true} } ] }
            """;

        var e = Assert.Throws<InfobipWebhookFormatException>(() => InfobipWebhookParser.ParseInboundMessages(Utf8(json)));

        Assert.Equal("$.results[1].message.longitude: expected a number, found true", e.Message);
    }

    [Fact]
    public void Inbound_counts_of_the_wrong_type_are_reported()
    {
        var e = Assert.Throws<InfobipWebhookFormatException>(
            () => InfobipWebhookParser.ParseInboundMessages("""{"results":[],"pendingMessageCount":"many"}"""u8));

        Assert.Equal("$.pendingMessageCount: expected a 32-bit integer, found 'many'", e.Message);
    }

    [Fact]
    public async Task Stream_overloads_report_the_same_errors()
    {
        var dlr = Utf8("""{"results":[{"to":"41793026731","status":""" + Status + "}]}");
        var seen = Utf8("""{"results":[{"messageId":"m","seenAt":"2025-01-01T25:00:00Z"}]}""");
        var inbound = Utf8(Inbound("""{"type":"TEXT"}"""));

        var e1 = await Assert.ThrowsAsync<InfobipWebhookFormatException>(
            async () => await InfobipWebhookParser.ParseDeliveryReportsAsync(new TrickleStream(dlr, 5)));
        var e2 = await Assert.ThrowsAsync<InfobipWebhookFormatException>(
            async () => await InfobipWebhookParser.ParseSeenReportsAsync(new MemoryStream(seen)));
        var e3 = await Assert.ThrowsAsync<InfobipWebhookFormatException>(
            async () => await InfobipWebhookParser.ParseInboundMessagesAsync(new MemoryStream(inbound)));
        var e4 = await Assert.ThrowsAsync<InfobipWebhookFormatException>(
            async () => await InfobipWebhookParser.ParseInboundMessagesAsync(new MemoryStream(Utf8("{\"results\": ["))));

        Assert.Equal("$.results[0].messageId: required field is missing", e1.Message);
        Assert.StartsWith("$.results[0].seenAt: '2025-01-01T25:00:00Z' is not an Infobip timestamp", e2.Message, StringComparison.Ordinal);
        Assert.Equal("$.results[0].message.text: required field is missing", e3.Message);
        Assert.Equal("$: not valid JSON (line 1, byte 14)", e4.Message);
    }

    [Fact]
    public void Every_truncation_of_a_valid_body_throws_only_the_format_exception()
    {
        foreach (var (json, parse) in Bodies())
        {
            var body = Utf8(json);
            for (var length = 0; length < body.Length; length++)
            {
                var truncated = body.AsSpan(0, length).ToArray();

                // Cutting inside a multi-byte character or after the last brace still leaves broken JSON.
                var e = Assert.Throws<InfobipWebhookFormatException>(() => parse(truncated));
                Assert.StartsWith("$", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Random_corruption_either_parses_or_throws_only_the_format_exception()
    {
        var random = new Random(7008);
        var alphabet = Encoding.ASCII.GetBytes("{}[]\":,0123456789.-+eEtrufalsn x\\");
        var rejected = 0;
        foreach (var (json, parse) in Bodies())
        {
            var original = Utf8(json);
            for (var attempt = 0; attempt < 2_000; attempt++)
            {
                var body = (byte[])original.Clone();
                for (var changes = random.Next(1, 4); changes > 0; changes--)
                {
                    body[random.Next(body.Length)] = alphabet[random.Next(alphabet.Length)];
                }

                try
                {
                    parse(body);
                }
                catch (InfobipWebhookFormatException e)
                {
                    Assert.Matches(@"^\$[^ ]*: .+", e.Message);
                    rejected++;
                }
            }
        }

        Assert.True(rejected > 1_000, $"only {rejected} corrupted bodies were rejected");
    }

    private static IEnumerable<(string Json, Action<byte[]> Parse)> Bodies() =>
    [
        (DeliveryReport, body => InfobipWebhookParser.ParseDeliveryReports(body)),
        (FailedDeliveryReport, body => InfobipWebhookParser.ParseDeliveryReports(body)),
        (SeenReport, body => InfobipWebhookParser.ParseSeenReports(body)),
        (InboundText, body => InfobipWebhookParser.ParseInboundMessages(body)),
        (Inbound("""{ "type": "LOCATION", "latitude": 45.8, "longitude": 15.9, "name": "Zagreb" }"""), body => InfobipWebhookParser.ParseInboundMessages(body)),
        (Inbound("""{ "type": "CONTACT", "contacts": [ { "name": { "firstName": "A" }, "phones": [ { "phone": "1" } ] } ] }"""), body => InfobipWebhookParser.ParseInboundMessages(body)),
    ];
}
