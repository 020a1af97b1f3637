using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox.Conversations;
using JourneyPlugin.Infobip.Sandbox.Serialization;
using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http.Control;

/// <summary>
/// <c>POST /sandbox/replies</c> with <c>{"from":"&lt;customer&gt;","to":"&lt;sender, optional&gt;","text":"YES"}</c>:
/// a customer writes by hand. Answers once the inbound webhook was posted.
/// </summary>
internal sealed class RepliesEndpoint(CustomerSimulator customers)
{
    private const string Shape = "{\"from\":\"84912345678\",\"text\":\"YES\"} (\"to\", the sender, is optional)";

    public async Task<IResponseMessage> HandleAsync(IRequestMessage request)
    {
        using var document = SandboxJson.TryParse(RequestReader.Body(request));
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return SandboxResponses.ControlError("The body must be a JSON object like " + Shape + ".");
        }

        var root = document.RootElement;
        string? from, to, text;
        try
        {
            from = ReadString(root, "from");
            to = ReadString(root, "to");
            text = ReadString(root, "text");
        }
        catch (FormatException e)
        {
            return SandboxResponses.ControlError(e.Message);
        }

        if (customers.Check(from, to, text, out var sender) is { } problem)
        {
            return SandboxResponses.ControlError(problem + ". Expected " + Shape + ".");
        }

        var outcome = await customers.WriteAsync(from!, sender, text!, buttonPayload: null, pairedMessageId: null).ConfigureAwait(false);
        return SandboxResponses.Json(200, new JsonObject
        {
            ["messageId"] = outcome.MessageId,
            ["from"] = from,
            ["to"] = sender,
            ["text"] = text,
            ["posted"] = outcome.Posted,
        });
    }

    private static string? ReadString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException($"'{name}' must be a string. Expected " + Shape + ".");
    }
}
