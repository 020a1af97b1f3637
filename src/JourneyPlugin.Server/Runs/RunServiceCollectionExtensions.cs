using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Runs;

/// <summary>Registers what the campaign-run endpoints need.</summary>
internal static class RunServiceCollectionExtensions
{
    public static IServiceCollection AddJourneyPluginRuns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RunOptions>().Bind(configuration.GetSection(RunOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RunOptions>, RunOptionsValidator>();
        services.AddSingleton<AudienceUploadReader>();
        services.AddSingleton<RunLauncher>();
        services.AddSingleton<RunReader>();
        services.AddSingleton<InstanceReader>();
        return services;
    }
}
