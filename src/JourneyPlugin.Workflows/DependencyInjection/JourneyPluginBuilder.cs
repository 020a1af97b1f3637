using System.Reflection;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Descriptors;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyPlugin.Workflows.DependencyInjection;

/// <summary>Configures JourneyPlugin: which activities exist and which modules are on.</summary>
public sealed class JourneyPluginBuilder
{
    internal JourneyPluginBuilder(IServiceCollection services) => Services = services;

    /// <summary>The services being configured; modules add theirs here.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Registers one activity type.</summary>
    public JourneyPluginBuilder AddActivity<TActivity>()
        where TActivity : IActivity, new()
    {
        Services.AddSingleton(new ActivityTypeRegistration(typeof(TActivity)));
        return this;
    }

    /// <summary>Registers every public concrete activity type in the assembly of <typeparamref name="TMarker"/>.</summary>
    public JourneyPluginBuilder AddActivitiesFrom<TMarker>()
    {
        foreach (var type in typeof(TMarker).Assembly.GetExportedTypes()
            .Where(t => typeof(IActivity).IsAssignableFrom(t) && t is { IsAbstract: false, IsGenericTypeDefinition: false } && t.GetConstructor(Type.EmptyTypes) is not null
                && t.GetCustomAttribute<Attributes.ActivityAttribute>() is not null))
        {
            Services.AddSingleton(new ActivityTypeRegistration(type));
        }

        return this;
    }
}
