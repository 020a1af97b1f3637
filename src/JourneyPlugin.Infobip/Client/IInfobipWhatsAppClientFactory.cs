using JourneyPlugin.Infobip.Configuration;

namespace JourneyPlugin.Infobip.Client;

/// <summary>Creates clients for configured connections and for connections created at run time.</summary>
public interface IInfobipWhatsAppClientFactory
{
    /// <summary>A client for the connection registered under <paramref name="connectionName"/>.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The connection's settings are invalid.</exception>
    IInfobipWhatsAppClient CreateClient(string connectionName);

    /// <summary>A client for <paramref name="connection"/>, e.g. one a user just entered.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The settings are invalid; each failure names the field.</exception>
    IInfobipWhatsAppClient CreateClient(InfobipConnectionOptions connection);
}
