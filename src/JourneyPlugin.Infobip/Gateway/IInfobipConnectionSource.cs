using JourneyPlugin.Infobip.Configuration;

namespace JourneyPlugin.Infobip.Gateway;

/// <summary>Where the Infobip connections named in journeys come from: configuration, or the server's connection store.</summary>
public interface IInfobipConnectionSource
{
    /// <summary>The connection named <paramref name="name"/>, or null when there is none.</summary>
    ValueTask<InfobipConnectionOptions?> FindAsync(string name, CancellationToken cancellationToken = default);
}
