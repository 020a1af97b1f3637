using System.Collections.Concurrent;

namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>
/// The journey instances whose first burst a campaign batch of this process is running. Each is saved
/// running and so due at once, for the timeout scanner to resume it if the process dies mid-burst;
/// while its batch lives, the scanner leaves it alone.
/// </summary>
internal sealed class InstancesInBatch
{
    private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);

    public bool Contains(string instanceId) => _ids.ContainsKey(instanceId);

    public bool TryAdd(string instanceId) => _ids.TryAdd(instanceId, 0);

    public void Remove(string instanceId) => _ids.TryRemove(instanceId, out _);
}
