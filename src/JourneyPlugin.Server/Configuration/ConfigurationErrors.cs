using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Configuration;

/// <summary>The settings mistakes a server start failed on, so that each is named rather than thrown as a crash.</summary>
internal static class ConfigurationErrors
{
    /// <summary>
    /// Validates every section that asked to be validated at start, before the host starts: the host
    /// would log the same failures as a crash, with a stack trace, before the caller could name them.
    /// </summary>
    /// <exception cref="OptionsValidationException">A section is invalid (an <see cref="AggregateException"/> of them when several are).</exception>
    public static void ThrowIfInvalid(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host.Services.GetService<IStartupValidator>()?.Validate();
    }

    /// <summary>One line per invalid setting, or none when <paramref name="exception"/> is not about settings.</summary>
    public static IReadOnlyList<string> Of(Exception exception)
    {
        // Every section is validated at start, and one exception is thrown for each invalid one, together.
        IReadOnlyCollection<Exception> all = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception];
        if (!all.All(e => e is ServerConfigurationException or OptionsValidationException))
        {
            return [];
        }

        return [.. all.SelectMany(e => e is OptionsValidationException { } invalid && TuningSections.Of(invalid.OptionsType) is { } section
            ? invalid.Failures.Select(failure => $"{section}:{failure}")
            : [e.Message])];
    }
}
