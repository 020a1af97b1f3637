using System.Globalization;
using System.Text;

namespace JourneyPlugin.Benchmarks.Harness;

/// <summary>Infobip webhook bodies as Infobip posts them.</summary>
internal static class Webhooks
{
    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);

    /// <summary>An inbound batch of one text message from <paramref name="from"/> to the bench sender.</summary>
    public static byte[] InboundText(string from, string messageId, string text) => Encoding.UTF8.GetBytes(
        $$$"""{"results":[{"from":"{{{from}}}","to":"{{{BenchServer.Sender}}}","integrationType":"WHATSAPP","receivedAt":"{{{Now()}}}","messageId":"{{{messageId}}}","message":{"type":"TEXT","text":"{{{text}}}"},"price":{"pricePerMessage":0,"currency":"EUR"},"contact":{"name":"Guest"}}],"messageCount":1,"pendingMessageCount":0}""");

    /// <summary>A delivery report batch saying each of <paramref name="messages"/> was delivered to the handset.</summary>
    public static byte[] Delivered(IEnumerable<(string To, string MessageId)> messages)
    {
        var now = Now();
        var json = new StringBuilder("{\"results\":[");
        var first = true;
        foreach (var (to, messageId) in messages)
        {
            json.Append(first ? string.Empty : ",").Append(CultureInfo.InvariantCulture, $$"""
                {"bulkId":"","messageId":"{{messageId}}","to":"{{to}}","sentAt":"{{now}}","doneAt":"{{now}}","messageCount":1,"price":{"pricePerMessage":0,"currency":"EUR"},"status":{"groupId":3,"groupName":"DELIVERED","id":5,"name":"DELIVERED_TO_HANDSET","description":"Message delivered to handset"},"error":{"groupId":0,"groupName":"OK","id":0,"name":"NO_ERROR","description":"No Error","permanent":false},"channel":"WHATSAPP"}
                """);
            first = false;
        }

        return Encoding.UTF8.GetBytes(json.Append("]}").ToString());
    }
}
