using Microsoft.Extensions.Options;

namespace JourneyPlugin.Server.Runs;

/// <summary>Checks <see cref="RunOptions"/> at start.</summary>
internal sealed class RunOptionsValidator : IValidateOptions<RunOptions>
{
    public ValidateOptionsResult Validate(string? name, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxAudienceBytes > 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{RunOptions.SectionName}:MaxAudienceBytes must be positive (got {options.MaxAudienceBytes}).");
    }
}
