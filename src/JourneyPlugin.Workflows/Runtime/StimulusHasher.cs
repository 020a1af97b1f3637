using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace JourneyPlugin.Workflows.Runtime;

/// <summary>
/// The bookmark hash: SHA-256 over the JSON of <c>[name, stimulus, activityInstanceId]</c>, as Elsa
/// computes it. The sender of a stimulus must serialise the same shape to find the bookmark.
/// </summary>
public static class StimulusHasher
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The hash for a stimulus; leave <paramref name="activityInstanceId"/> null for waits resumed from outside.</summary>
    public static string Hash(string name, object? stimulus, string? activityInstanceId = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var json = JsonSerializer.SerializeToUtf8Bytes(new object?[] { name, stimulus, activityInstanceId }, Options);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }
}
