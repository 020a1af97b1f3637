using JourneyPlugin.WhatsApp.PhoneNumbers;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Infobip.Configuration;

/// <summary>Validates a connection; each problem names the field and the reason.</summary>
public sealed class InfobipConnectionOptionsValidator : IValidateOptions<InfobipConnectionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, InfobipConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Validate(options);
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => $"Infobip connection '{name}': {e}"));
    }

    /// <summary>Returns every problem of <paramref name="options"/>; empty when it is usable.</summary>
    public static IReadOnlyList<InfobipFieldError> Validate(InfobipConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<InfobipFieldError>();

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            errors.Add(new(nameof(options.ApiKey), "is empty; copy the API key from the Infobip portal"));
        }
        else if (options.ApiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            errors.Add(new(nameof(options.ApiKey), "contains spaces or control characters"));
        }

        if (!InfobipBaseUrl.TryParse(options.BaseUrl, out _, out var baseUrlReason))
        {
            errors.Add(new(nameof(options.BaseUrl), baseUrlReason));
        }

        if (string.IsNullOrWhiteSpace(options.Sender))
        {
            errors.Add(new(nameof(options.Sender), "is empty; expected the WhatsApp Business number, e.g. 447860099299"));
        }
        else if (!options.Sender.All(char.IsAsciiDigit))
        {
            errors.Add(new(nameof(options.Sender), "must be digits only, with the country code and no plus, e.g. 447860099299"));
        }
        else if (!PhoneNumber.TryParse(options.Sender, out _, out var senderReason))
        {
            errors.Add(new(nameof(options.Sender), senderReason));
        }

        if (options.MessagesPerSecond < 0)
        {
            errors.Add(new(nameof(options.MessagesPerSecond), "must be positive, or 0 to turn rate limiting off"));
        }

        if (options.RateLimitQueueLimit < 0)
        {
            errors.Add(new(nameof(options.RateLimitQueueLimit), "must not be negative"));
        }

        if (options.NotifyUrl is { } notifyUrl && (!notifyUrl.IsAbsoluteUri || (notifyUrl.Scheme != Uri.UriSchemeHttp && notifyUrl.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add(new(nameof(options.NotifyUrl), "must be an absolute http or https URL"));
        }

        return errors;
    }
}
