using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.WhatsApp;
using JourneyPlugin.WhatsApp.Messaging;
using JourneyPlugin.Workflows.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JourneyPlugin.Infobip.Gateway;

/// <summary>Adds Infobip as the WhatsApp vendor of JourneyPlugin.</summary>
public static class JourneyPluginBuilderInfobipExtensions
{
    /// <summary>
    /// Registers an Infobip connection that journeys name in their steps, e.g.
    /// <c>services.AddJourneyPlugin(j =&gt; j.AddInfobip("marketing", o =&gt; { o.ApiKey = …; o.BaseUrl = …; o.Sender = …; }))</c>.
    /// Also registers the WhatsApp activities.
    /// </summary>
    public static JourneyPluginBuilder AddInfobip(this JourneyPluginBuilder builder, string connectionName, Action<InfobipConnectionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        builder.AddWhatsApp();
        builder.Services.AddInfobipWhatsAppConnection(connectionName, configure);
        builder.Services.AddSingleton(new InfobipConnectionName(connectionName));
        builder.Services.TryAddSingleton<IInfobipConnectionSource, ConfiguredInfobipConnections>();
        builder.Services.TryAddSingleton<IWhatsAppGateway, InfobipWhatsAppGateway>();
        return builder;
    }
}
