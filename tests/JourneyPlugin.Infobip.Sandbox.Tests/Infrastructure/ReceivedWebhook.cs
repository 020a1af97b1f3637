using System.Text.Json;

namespace JourneyPlugin.Infobip.Sandbox.Tests.Infrastructure;

/// <summary>One POST the webhook receiver got.</summary>
internal sealed record ReceivedWebhook(string Path, IReadOnlyDictionary<string, string> Headers, string Body, bool Accepted)
{
    public JsonElement Json { get; } = JsonDocument.Parse(Body).RootElement.Clone();

    public IReadOnlyList<JsonElement> Results => [.. Json.GetProperty("results").EnumerateArray()];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
