using JourneyPlugin.Infobip.Configuration;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Infobip.Gateway;

/// <summary>The connections registered with <c>AddInfobip(name, …)</c>.</summary>
internal sealed class ConfiguredInfobipConnections(IEnumerable<InfobipConnectionName> names, IOptionsMonitor<InfobipConnectionOptions> options) : IInfobipConnectionSource
{
    private readonly HashSet<string> _names = names.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);

    public ValueTask<InfobipConnectionOptions?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_names.Contains(name) ? options.Get(name) : null);
}
