using System.Diagnostics.Metrics;
using JourneyPlugin.WhatsApp.Activities;
using JourneyPlugin.WhatsApp.Conversations;
using JourneyPlugin.WhatsApp.Diagnostics;
using JourneyPlugin.Workflows.DependencyInjection;
using JourneyPlugin.Workflows.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JourneyPlugin.WhatsApp;

/// <summary>Adds the WhatsApp activities to JourneyPlugin.</summary>
public static class JourneyPluginBuilderWhatsAppExtensions
{
    /// <summary>
    /// Registers "Send Infobip WhatsApp" and "Wait for User Reply", the template check of validation,
    /// and an in-memory conversation store unless the runtime registered a durable one. A vendor
    /// module (e.g. <c>AddInfobip</c>) provides the <see cref="Messaging.IWhatsAppGateway"/>.
    /// </summary>
    public static JourneyPluginBuilder AddWhatsApp(this JourneyPluginBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddActivitiesFrom<SendInfobipWhatsApp>();
        builder.Services.TryAddSingleton(provider => new WhatsAppMetrics(provider.GetService<IMeterFactory>()));
        builder.Services.TryAddSingleton<InMemoryConversationStore>();
        builder.Services.TryAddSingleton<IConversationStateReader>(provider => provider.GetRequiredService<InMemoryConversationStore>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityValidator, SendWhatsAppTemplateValidator>());
        return builder;
    }
}
