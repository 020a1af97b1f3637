using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Configuration;

/// <summary>The settings mistakes a server start failed on, so that each is named rather than thrown as a crash.</summary>
internal static class ConfigurationErrors
{
    /// <summary>One exception per invalid setting or section, or none when <paramref name="exception"/> is not about settings.</summary>
    public static IReadOnlyList<Exception> Of(Exception exception)
    {
        // The host validates every section at start and throws one exception for each invalid one, together.
        IReadOnlyCollection<Exception> all = exception is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [exception];
        return all.All(e => e is ServerConfigurationException or OptionsValidationException) ? [.. all] : [];
    }
}
