using Microsoft.Extensions.Options;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>Rejects <see cref="TemplateOptions"/> that would switch a limit off or could not be enforced.</summary>
internal sealed class TemplateOptionsValidator : IValidateOptions<TemplateOptions>
{
    // 64 M characters (128 MB) is far beyond any message; a "sandbox" above that would not protect the host.
    private const int MaxOutputLengthLimit = 64 * 1024 * 1024;

    // CancellationTokenSource timers take at most uint.MaxValue - 1 ms; a day is far beyond any sane render.
    private static readonly TimeSpan s_maxTimeout = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        List<string>? failures = null;
        if (options.LoopLimit <= 0)
        {
            (failures ??= []).Add($"{nameof(TemplateOptions.LoopLimit)} must be greater than 0 (was {options.LoopLimit}).");
        }

        if (options.RecursionLimit <= 0)
        {
            (failures ??= []).Add($"{nameof(TemplateOptions.RecursionLimit)} must be greater than 0 (was {options.RecursionLimit}).");
        }

        if (options.MaxOutputLength <= 0 || options.MaxOutputLength > MaxOutputLengthLimit)
        {
            (failures ??= []).Add($"{nameof(TemplateOptions.MaxOutputLength)} must be between 1 and {MaxOutputLengthLimit} (was {options.MaxOutputLength}).");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > s_maxTimeout)
        {
            (failures ??= []).Add($"{nameof(TemplateOptions.Timeout)} must be greater than 0 and at most 1 day (was {options.Timeout}).");
        }

        if (options.CacheCapacity <= 0)
        {
            (failures ??= []).Add($"{nameof(TemplateOptions.CacheCapacity)} must be greater than 0 (was {options.CacheCapacity}).");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
