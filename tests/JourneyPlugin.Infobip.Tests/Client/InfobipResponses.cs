namespace JourneyPlugin.Infobip.Tests.Client;

/// <summary>Infobip's answers as documented (see shared/reference/infobip.md §3–4).</summary>
internal static class InfobipResponses
{
    public static string Single(string to, string messageId) =>
        $$$"""{"to":"{{{to}}}","messageCount":1,"messageId":"{{{messageId}}}","status":{"groupId":1,"groupName":"PENDING","id":7,"name":"PENDING_ENROUTE","description":"Message sent to next instance"}}""";

    public static string Bulk(string bulkId, params (string To, string MessageId)[] messages) =>
        $$$"""{"messages":[{{{string.Join(",", messages.Select(m => Single(m.To, m.MessageId)))}}}],"bulkId":"{{{bulkId}}}"}""";

    public static string LegacyError(string messageId, string text, string? validationErrors = null)
    {
        var errors = validationErrors is null ? string.Empty : ",\"validationErrors\":" + validationErrors;
        return "{\"requestError\":{\"serviceException\":{\"messageId\":\"" + messageId + "\",\"text\":\"" + text + "\"" + errors + "}}}";
    }
}
