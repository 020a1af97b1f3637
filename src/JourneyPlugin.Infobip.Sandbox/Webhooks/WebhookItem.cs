using System.Text.Json.Nodes;

namespace JourneyPlugin.Infobip.Sandbox.Webhooks;

/// <summary>One result waiting to be posted, and who waits for it.</summary>
internal sealed class WebhookItem(JsonObject result)
{
    public JsonObject Result { get; } = result;

    /// <summary>Completes with whether the receiver accepted the POST that carried the result.</summary>
    public TaskCompletionSource<bool> Posted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
