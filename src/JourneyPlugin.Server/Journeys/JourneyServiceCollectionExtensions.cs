namespace JourneyPlugin.Server.Journeys;

/// <summary>Registers what the journey endpoints need.</summary>
internal static class JourneyServiceCollectionExtensions
{
    /// <summary>The journey files of the workflows directory and the event trigger.</summary>
    public static IServiceCollection AddJourneyPluginJourneys(this IServiceCollection services)
    {
        services.AddSingleton<JourneyFiles>();
        services.AddSingleton<JourneyTriggers>();
        return services;
    }
}
