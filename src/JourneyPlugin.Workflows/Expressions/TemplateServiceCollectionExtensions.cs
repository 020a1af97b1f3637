using JourneyPlugin.Workflows.Expressions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the sandboxed Scriban and Liquid template renderer.</summary>
public static class TemplateServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ITemplateRenderer"/> (a singleton <see cref="ScribanTemplateRenderer"/>), validated
    /// <see cref="TemplateOptions"/>, and <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is already registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the default limits.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddJourneyTemplates(this IServiceCollection services, Action<TemplateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<TemplateOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TemplateOptions>, TemplateOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ScribanTemplateRenderer>();
        services.TryAddSingleton<ITemplateRenderer>(static sp => sp.GetRequiredService<ScribanTemplateRenderer>());
        return services;
    }
}
