using System.Text.Json;

namespace JourneyPlugin.Infobip.Client;

/// <summary>Reads the <c>SingleMessageInfo</c> and bulk <c>{messages, bulkId}</c> answers of a send.</summary>
internal static class InfobipSendResponseReader
{
    public sealed record MessageInfo(string? To, string? MessageId, InfobipMessageStatus? Status, string Json);

    /// <summary>The message infos of an accepted send; empty when the body cannot be read (the send is accepted all the same).</summary>
    public static IReadOnlyList<MessageInfo> Read(string? body, bool bulk, out string? bulkId)
    {
        bulkId = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            if (bulk && root.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
            {
                bulkId = GetString(root, "bulkId");
                return messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object).Select(ReadInfo).ToList();
            }

            return [ReadInfo(root)];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static MessageInfo ReadInfo(JsonElement element)
    {
        InfobipMessageStatus? status = null;
        if (element.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Object)
        {
            status = new InfobipMessageStatus(
                GetInt(s, "groupId"),
                GetString(s, "groupName") ?? string.Empty,
                GetInt(s, "id"),
                GetString(s, "name") ?? string.Empty,
                GetString(s, "description"),
                GetString(s, "action"));
        }

        return new MessageInfo(GetString(element, "to"), GetString(element, "messageId"), status, element.GetRawText());
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int GetInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;
}
