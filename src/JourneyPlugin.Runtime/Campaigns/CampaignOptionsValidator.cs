using Microsoft.Extensions.Options;

namespace JourneyPlugin.Runtime.Campaigns;

/// <summary>Validates <see cref="CampaignOptions"/>; each failure names the setting.</summary>
internal sealed class CampaignOptionsValidator : IValidateOptions<CampaignOptions>
{
    public ValidateOptionsResult Validate(string? name, CampaignOptions options)
    {
        var errors = new List<string>();
        if (options.BatchSize is < 1 or > 100_000)
        {
            errors.Add($"{nameof(options.BatchSize)}: must be between 1 and 100000");
        }

        if (options.Parallelism is < 1 or > 4_096)
        {
            errors.Add($"{nameof(options.Parallelism)}: must be between 1 and 4096");
        }

        if (options.BatchInterval < TimeSpan.Zero || options.BatchInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{nameof(options.BatchInterval)}: must be between 0 and one minute");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
