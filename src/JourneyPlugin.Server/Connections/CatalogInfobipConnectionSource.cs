using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.Infobip.Gateway;

namespace JourneyPlugin.Server.Connections;

/// <summary>Lets journeys send through every connection of the catalogue, those created through the API included.</summary>
internal sealed class CatalogInfobipConnectionSource(ConnectionCatalog catalog) : IInfobipConnectionSource
{
    public ValueTask<InfobipConnectionOptions?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(catalog.Find(name)?.Infobip);
}
