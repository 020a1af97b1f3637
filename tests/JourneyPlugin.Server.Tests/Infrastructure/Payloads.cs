using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace JourneyPlugin.Server.Tests.Infrastructure;

/// <summary>Infobip webhook bodies (from Infobip's documentation) and ways to post them.</summary>
internal static class Payloads
{
    public static string DeliveryReport(string messageId) => $$"""
        { "results": [ {
            "bulkId": "", "messageId": "{{messageId}}", "to": "41793026731",
            "sentAt": "2019-04-09T16:00:58.647-0300", "doneAt": "2019-04-09T16:01:56.494-0300",
            "messageCount": 1,
            "price":  { "pricePerMessage": 0.21, "currency": "BRL" },
            "status": { "id": 5, "groupId": 3, "groupName": "DELIVERED", "name": "DELIVERED_TO_HANDSET", "description": "Message delivered to handset" },
            "error":  { "id": 0, "name": "NO_ERROR", "description": "No Error", "groupId": 0, "groupName": "OK", "permanent": false } } ] }
        """;

    public static string SeenReport(string messageId) => $$"""
        { "results": [ {
            "messageId": "{{messageId}}", "from": "385919998888", "to": "41793026731",
            "sentAt": "2019-04-09T16:00:58.647-0300", "seenAt": "2019-04-09T16:05:12.030-0300" } ] }
        """;

    public static string Inbound(string messageId, string text = "Hello, World!") => $$"""
        { "results": [ {
            "from": "385919998888", "to": "41793026731", "integrationType": "WHATSAPP",
            "receivedAt": "2025-01-01T10:10:00.000+0000", "messageId": "{{messageId}}",
            "message": { "type": "TEXT", "text": "{{text}}" },
            "contact": { "name": "Frank", "phoneNumber": "385919998888" } } ],
          "messageCount": 1, "pendingMessageCount": 0 }
        """;

    /// <summary>A batch of <paramref name="count"/> delivery reports for unknown message ids.</summary>
    public static string DeliveryReports(int count, string prefix)
    {
        var json = new StringBuilder("{\"results\":[");
        for (var i = 0; i < count; i++)
        {
            json.Append(i > 0 ? "," : string.Empty).Append(CultureInfo.InvariantCulture, $$"""
                {"bulkId":"bulk-1","messageId":"{{prefix}}-{{i:D5}}","to":"4179302{{i:D4}}",
                 "sentAt":"2025-03-01T08:00:00.000+0100","doneAt":"2025-03-01T08:01:00.000+0100","messageCount":1,
                 "price":{"pricePerMessage":0.0042,"currency":"EUR"},
                 "status":{"groupId":3,"groupName":"DELIVERED","id":5,"name":"DELIVERED_TO_HANDSET","description":"Message delivered to handset"},
                 "error":{"groupId":0,"groupName":"OK","id":0,"name":"NO_ERROR","description":"No Error","permanent":false}
                """).Append('}');
        }

        return json.Append("]}").ToString();
    }

    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    /// <summary>A JSON POST of <paramref name="body"/>, signed with <paramref name="secret"/> when given.</summary>
    public static HttpRequestMessage Post(string path, string body, string? secret = null, AuthenticationHeaderValue? authorization = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (secret is not null)
        {
            request.Headers.Add("X-Infobip-Signature", Sign(body, secret));
        }

        request.Headers.Authorization = authorization;
        return request;
    }
}
