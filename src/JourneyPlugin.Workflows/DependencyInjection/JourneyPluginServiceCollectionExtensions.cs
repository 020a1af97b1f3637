using JourneyPlugin.Workflows.Activities;
using JourneyPlugin.Workflows.DependencyInjection;
using JourneyPlugin.Workflows.Descriptors;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;
using JourneyPlugin.Workflows.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace so they are found without a using.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers JourneyPlugin.</summary>
public static class JourneyPluginServiceCollectionExtensions
{
    /// <summary>
    /// Registers the workflow engine with its core activities (<c>Elsa.Start</c>, <c>Elsa.FlowDecision</c>,
    /// <c>Elsa.Delay</c>, <c>Elsa.SetVariable</c>, <c>Elsa.End</c>, <c>Elsa.FlowSendHttpRequest</c>), e.g.
    /// <c>services.AddJourneyPlugin(j =&gt; j.AddActivitiesFrom&lt;MyActivity&gt;())</c>.
    /// </summary>
    public static IServiceCollection AddJourneyPlugin(this IServiceCollection services, Action<JourneyPluginBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new JourneyPluginBuilder(services);
        if (!services.Any(d => d.ServiceType == typeof(WorkflowRunner)))
        {
            services.AddLogging();
            services.AddHttpClient(FlowSendHttpRequest.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
            services.AddJourneyTemplates();
            services.TryAddSingleton(TimeProvider.System);
            services.AddOptions<WorkflowRunnerOptions>();
            services.TryAddSingleton<IActivityRegistry, ActivityRegistry>();
            services.TryAddSingleton<WorkflowLoader>();
            services.TryAddSingleton<WorkflowValidator>();
            services.TryAddSingleton<InputEvaluator>();
            services.TryAddSingleton(provider => new WorkflowRunner(
                provider.GetRequiredService<InputEvaluator>(),
                provider,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<IOptions<WorkflowRunnerOptions>>(),
                provider.GetRequiredService<ILogger<WorkflowRunner>>()));
            builder.AddActivitiesFrom<Start>();
        }

        configure?.Invoke(builder);
        return services;
    }
}
