using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.WhatsApp.PhoneNumbers;

namespace JourneyPlugin.Server.Cli.DryRun;

/// <summary>Reads and checks a <see cref="RepliesScript"/>; every problem names its field by JSON path.</summary>
internal static class RepliesScriptReader
{
    private const int MaxReplyLength = 4096;

    /// <summary>Reads <paramref name="json"/>.</summary>
    /// <returns>The script, or null with <paramref name="problems"/> (<c>$.customers[0].replies[1].after: reason</c>).</returns>
    public static RepliesScript? Read(string json, out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        problems = errors;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            errors.Add($"$: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
            return null;
        }

        if (root is not JsonObject script)
        {
            errors.Add("$: must be an object with a 'customers' array");
            return null;
        }

        Unknown(script, "$", errors, "start", "customers");
        DateTimeOffset? start = null;
        if (script["start"] is { } startNode)
        {
            if (Text(startNode) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                start = parsed.ToUniversalTime();
            }
            else
            {
                errors.Add($"$.start: expected an ISO 8601 date and time such as 2026-11-24T09:00:00Z, got {startNode.ToJsonString()}");
            }
        }

        if (script["customers"] is not JsonArray customers || customers.Count == 0)
        {
            errors.Add("$.customers: required: a non-empty array of customers, e.g. [{\"phone\":\"+84912345678\",\"replies\":[{\"after\":\"PT2H\",\"text\":\"YES\"}]}]");
            return null;
        }

        var read = new List<ScriptedCustomer>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < customers.Count; i++)
        {
            if (ReadCustomer(customers[i], $"$.customers[{i}]", errors, seen) is { } customer)
            {
                read.Add(customer);
            }
        }

        return errors.Count == 0 ? new RepliesScript(start, read) : null;
    }

    private static ScriptedCustomer? ReadCustomer(JsonNode? node, string path, List<string> errors, Dictionary<string, string> seen)
    {
        if (node is not JsonObject customer)
        {
            errors.Add($"{path}: must be an object with 'phone', 'attributes' and 'replies'");
            return null;
        }

        var before = errors.Count;
        Unknown(customer, path, errors, "phone", "attributes", "replies");
        var phone = Text(customer["phone"]);
        var digits = string.Empty;
        if (phone is null)
        {
            errors.Add($"{path}.phone: required: the customer's number with country code, e.g. +84912345678");
        }
        else if (!PhoneNumber.TryParse(phone, out var number, out var reason))
        {
            errors.Add($"{path}.phone: {reason}");
        }
        else if (seen.TryGetValue(number.Digits, out var first))
        {
            errors.Add($"{path}.phone: {phone} is already the number of {first}; each customer needs their own number");
        }
        else
        {
            digits = number.Digits;
            seen[digits] = path;
        }

        var attributes = new JsonObject();
        switch (customer["attributes"])
        {
            case null:
                break;
            case JsonObject given:
                attributes = given.DeepClone().AsObject();
                break;
            default:
                errors.Add($"{path}.attributes: must be an object of profile attributes, e.g. {{\"first_name\":\"An\"}}");
                break;
        }

        attributes["phone"] = phone;
        var replies = new List<ScriptedReply>();
        switch (customer["replies"])
        {
            case null:
                break;
            case JsonArray array:
                for (var j = 0; j < array.Count; j++)
                {
                    if (ReadReply(array[j], $"{path}.replies[{j}]", errors) is { } reply)
                    {
                        replies.Add(reply);
                    }
                }

                break;
            default:
                errors.Add($"{path}.replies: must be an array of replies, e.g. [{{\"after\":\"PT2H\",\"text\":\"YES\"}}]");
                break;
        }

        return errors.Count == before ? new ScriptedCustomer(phone!, digits, attributes, replies) : null;
    }

    private static ScriptedReply? ReadReply(JsonNode? node, string path, List<string> errors)
    {
        if (node is not JsonObject reply)
        {
            errors.Add($"{path}: must be an object with 'after' and 'text'");
            return null;
        }

        var before = errors.Count;
        Unknown(reply, path, errors, "after", "text");
        var after = TimeSpan.Zero;
        if (Text(reply["after"]) is not { } duration)
        {
            errors.Add($"{path}.after: required: how long after the previous reply (or the start) the customer writes, as an ISO 8601 duration such as PT2H");
        }
        else if (!IsoDuration.TryParse(duration, out after, out var reason))
        {
            errors.Add($"{path}.after: {reason}");
        }

        var text = Text(reply["text"]);
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxReplyLength)
        {
            errors.Add($"{path}.text: required: what the customer writes, 1 to {MaxReplyLength} characters");
        }

        return errors.Count == before ? new ScriptedReply(after, text!) : null;
    }

    private static void Unknown(JsonObject node, string path, List<string> errors, params string[] known)
    {
        foreach (var (name, _) in node.Where(p => !known.Contains(p.Key, StringComparer.Ordinal)))
        {
            errors.Add($"{path}.{name}: unknown field; expected {string.Join(", ", known)}");
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
