using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Hosting;

/// <summary>Validates <see cref="JourneyRuntimeOptions"/>; each failure names the setting.</summary>
internal sealed class JourneyRuntimeOptionsValidator : IValidateOptions<JourneyRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, JourneyRuntimeOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add($"{nameof(options.DataDirectory)}: must not be empty");
        }

        if (options.SiloPort is < 1 or > 65535 || options.GatewayPort is < 1 or > 65535 || options.SiloPort == options.GatewayPort)
        {
            errors.Add($"{nameof(options.SiloPort)}/{nameof(options.GatewayPort)}: must be two different ports between 1 and 65535");
        }

        if (options.TimeoutScanInterval <= TimeSpan.Zero || options.TimeoutScanInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{nameof(options.TimeoutScanInterval)}: must be positive and at most a minute, so timeouts fire within a minute");
        }

        if (options.TimeoutScanBatchSize < 1 || options.TimeoutFiringParallelism < 1)
        {
            errors.Add($"{nameof(options.TimeoutScanBatchSize)} and {nameof(options.TimeoutFiringParallelism)}: must be at least 1");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
