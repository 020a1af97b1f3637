using Microsoft.Extensions.Options;

namespace JourneyPlugin.Infobip.Configuration;

/// <summary>Validates the transport settings.</summary>
public sealed class InfobipClientOptionsValidator : IValidateOptions<InfobipClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, InfobipClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        RequirePositive(options.RequestTimeout, nameof(options.RequestTimeout));
        RequirePositive(options.ConnectTimeout, nameof(options.ConnectTimeout));
        RequirePositive(options.RetryBaseDelay, nameof(options.RetryBaseDelay));
        RequirePositive(options.MaxRetryDelay, nameof(options.MaxRetryDelay));
        RequirePositive(options.CircuitBreakerSamplingDuration, nameof(options.CircuitBreakerSamplingDuration));
        RequirePositive(options.CircuitBreakerBreakDuration, nameof(options.CircuitBreakerBreakDuration));

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            errors.Add($"{nameof(options.MaxRetryAttempts)}: must be between 0 and 10");
        }

        if (options.CircuitBreakerFailureRatio is <= 0 or > 1)
        {
            errors.Add($"{nameof(options.CircuitBreakerFailureRatio)}: must be greater than 0 and at most 1");
        }

        if (options.CircuitBreakerMinimumThroughput < 2)
        {
            errors.Add($"{nameof(options.CircuitBreakerMinimumThroughput)}: must be at least 2");
        }

        if (options.MaxTemplatesPerRequest is < 1 or > 1000)
        {
            errors.Add($"{nameof(options.MaxTemplatesPerRequest)}: must be between 1 and 1000");
        }

        if (options.MaxTemplateRequestsInFlight is < 1 or > 256)
        {
            errors.Add($"{nameof(options.MaxTemplateRequestsInFlight)}: must be between 1 and 256");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);

        void RequirePositive(TimeSpan value, string field)
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{field}: must be a positive duration");
            }
        }
    }
}
