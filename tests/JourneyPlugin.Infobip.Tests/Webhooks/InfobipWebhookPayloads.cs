using System.Globalization;
using System.Text;

namespace JourneyPlugin.Infobip.Tests.Webhooks;

/// <summary>Webhook bodies from Infobip's documentation (reference notes §5) and variations on them.</summary>
internal static class InfobipWebhookPayloads
{
    // Exactly as in the reference notes, placeholders included.
    public const string DeliveryReport = """
        { "results": [ {
            "bulkId": "", "messageId": "fb469d73-d362-463f-b30f-1e959b53badc", "to": "41793026731",
            "sentAt": "2019-04-09T16:00:58.647-0300", "doneAt": "2019-04-09T16:01:56.494-0300",
            "messageCount": 1,
            "price":  { "pricePerMessage": 0.21, "currency": "BRL" },
            "status": { "id": 5, "groupId": 3, "groupName": "DELIVERED", "name": "DELIVERED_TO_HANDSET", "description": "Message delivered to handset" },
            "error":  { "id": 0, "name": "NO_ERROR", "description": "No Error", "groupId": 0, "groupName": "OK", "permanent": false },
            "contact": { "name": "...", "phoneNumber": "...", "userId": "US.…", "parentUserId": "...", "username": "..." } } ] }
        """;

    // The failure Infobip reports for a template whose placeholders do not match (notes §3).
    public const string FailedDeliveryReport = """
        { "results": [ {
            "bulkId": "2034072219640523073", "messageId": "a28dd97c-1ffb-4fcf-99f1-0b557ed381da", "to": "441134960001",
            "sentAt": "2025-03-01T08:00:00.000+0000", "doneAt": "2025-03-01T08:00:02.250+0000",
            "messageCount": 1,
            "status": { "groupId": 2, "groupName": "UNDELIVERABLE", "id": 4, "name": "UNDELIVERABLE_REJECTED_OPERATOR",
                        "description": "Message rejected by operator", "action": "Check the template parameters" },
            "error": { "groupId": 1, "groupName": "HANDSET_ERRORS", "id": 7008, "name": "EC_INVALID_TEMPLATE_ARGS",
                       "description": "Failed to match template parameters (code 7008)", "permanent": true },
            "callbackData": "journey=42;step=7", "entityId": "entity-1", "applicationId": "app-1", "channel": "WHATSAPP" } ] }
        """;

    // The notes give the seen report's field names only; the values follow the delivery report example.
    public const string SeenReport = """
        { "results": [ {
            "messageId": "fb469d73-d362-463f-b30f-1e959b53badc", "from": "385919998888", "to": "41793026731",
            "sentAt": "2019-04-09T16:00:58.647-0300", "seenAt": "2019-04-09T16:05:12.030-0300",
            "applicationId": "app-1", "entityId": "entity-1",
            "contact": { "name": "Frank", "phoneNumber": "385919998888", "userId": "HR.123123123" } } ] }
        """;

    // As in the reference notes, with the optional markers (?:) and comments removed.
    public const string InboundText = """
        { "results": [ {
            "from": "385919998888", "to": "41793026731", "integrationType": "WHATSAPP",
            "receivedAt": "2025-01-01T10:10:00.000+0000",
            "messageId": "wamid.HBgLMjc4…",
            "pairedMessageId": "…",
            "callbackData": "…",
            "keyword": "…",
            "message": { "type": "TEXT", "text": "Hello, World!" },
            "price": { "pricePerMessage": 0, "currency": "EUR" },
            "contact": { "name": "Frank", "phoneNumber": "385919998888", "userId": "HR.123123123", "parentUserId": "…", "username": "Frank" },
            "identity": { "acknowledged": true, "hash": "eU2Fdi4EMUw=", "createdAt": "…" },
            "entityId": "…", "applicationId": "…" } ],
          "messageCount": 1, "pendingMessageCount": 0 }
        """;

    /// <summary>An inbound batch of one message whose <c>message</c> object is <paramref name="messageJson"/>.</summary>
    public static string Inbound(string messageJson) => $$"""
        { "results": [ {
            "from": "385919998888", "to": "41793026731", "integrationType": "WHATSAPP",
            "receivedAt": "2025-01-01T10:10:00.000+0000", "messageId": "wamid.HBgLMzg1OTE5OTk4ODg4",
            "message": {{messageJson}},
            "price": { "pricePerMessage": 0, "currency": "EUR" },
            "contact": { "name": "Frank", "phoneNumber": "385919998888" } } ],
          "messageCount": 1, "pendingMessageCount": 0 }
        """;

    /// <summary>A delivery report batch of <paramref name="count"/> reports, alternating delivered and failed.</summary>
    public static string DeliveryReports(int count)
    {
        var json = new StringBuilder("{\"results\":[");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            var delivered = i % 2 == 0;
            json.Append(CultureInfo.InvariantCulture, $$"""
                {"bulkId":"bulk-1","messageId":"msg-{{i:D5}}","to":"4179302{{i:D4}}",
                 "sentAt":"2025-03-01T08:00:00.000+0100","doneAt":"2025-03-01T08:{{i / 60 % 60:D2}}:{{i % 60:D2}}.{{i % 1000:D3}}+0100",
                 "messageCount":1,"price":{"pricePerMessage":0.0042,"currency":"EUR"},
                 "status":{{(delivered
                     ? """{"groupId":3,"groupName":"DELIVERED","id":5,"name":"DELIVERED_TO_HANDSET","description":"Message delivered to handset"}"""
                     : """{"groupId":5,"groupName":"REJECTED","id":18,"name":"REJECTED_DESTINATION_NOT_REGISTERED"}""")}},
                 "error":{{(delivered
                     ? """{"groupId":0,"groupName":"OK","id":0,"name":"NO_ERROR","description":"No Error","permanent":false}"""
                     : """{"groupId":1,"groupName":"HANDSET_ERRORS","id":7002,"name":"EC_UNKNOWN_USER","permanent":true}""")}}}
                """);
        }

        return json.Append("]}").ToString();
    }

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);
}
