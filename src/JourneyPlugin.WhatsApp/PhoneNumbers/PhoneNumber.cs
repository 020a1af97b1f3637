using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;
using LibPhoneNumber = PhoneNumbers.PhoneNumber;

namespace JourneyPlugin.WhatsApp.PhoneNumbers;

/// <summary>
/// A phone number in the form WhatsApp vendors expect: digits with the country code and no plus
/// sign (<c>+84 912-345-678</c> becomes <c>84912345678</c>).
/// </summary>
public readonly record struct PhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private PhoneNumber(string digits) => Digits = digits;

    /// <summary>Country code and subscriber number as digits only, e.g. <c>84912345678</c>.</summary>
    public string Digits { get; }

    /// <summary>Normalises <paramref name="input"/> or throws a <see cref="FormatException"/> naming the reason.</summary>
    public static PhoneNumber Parse(string? input) =>
        TryParse(input, out var number, out var reason) ? number : throw new FormatException(reason);

    /// <summary>
    /// Normalises a number written with its country code, with or without <c>+</c> or <c>00</c>,
    /// spaces, dashes, dots or brackets. Numbers without a country code are refused rather than
    /// guessed, because a guessed country sends a message to a stranger.
    /// </summary>
    public static bool TryParse(string? input, out PhoneNumber number, [NotNullWhen(false)] out string? reason)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            reason = "is empty";
            return false;
        }

        var text = input.Trim();
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not ('+' or ' ' or '-' or '.' or '(' or ')'))
            {
                reason = $"contains '{c}', which is not part of a phone number";
                return false;
            }
        }

        if (text.StartsWith("00", StringComparison.Ordinal))
        {
            text = "+" + text[2..];
        }
        else if (!text.StartsWith('+'))
        {
            if (text.StartsWith('0'))
            {
                reason = "has no country code (a national number starting with 0); write it with the country code, e.g. 84912345678";
                return false;
            }

            text = "+" + text;
        }

        LibPhoneNumber parsed;
        try
        {
            parsed = Util.Parse(text, "ZZ");
        }
        catch (NumberParseException e)
        {
            reason = e.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => "does not start with a known country code",
                ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => "is too short",
                ErrorType.TOO_LONG => "is too long",
                _ => "is not a phone number",
            };
            return false;
        }

        var possibility = Util.IsPossibleNumberWithReason(parsed);
        if (possibility is not PhoneNumberUtil.ValidationResult.IS_POSSIBLE and not PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY)
        {
            reason = possibility switch
            {
                PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => "does not start with a known country code",
                PhoneNumberUtil.ValidationResult.TOO_SHORT => $"is too short for country code {parsed.CountryCode}",
                PhoneNumberUtil.ValidationResult.TOO_LONG => $"is too long for country code {parsed.CountryCode}",
                _ => $"has an impossible length for country code {parsed.CountryCode}",
            };
            return false;
        }

        if (!Util.IsValidNumber(parsed))
        {
            reason = $"is not a valid number for country code {parsed.CountryCode}";
            return false;
        }

        number = new PhoneNumber(Util.Format(parsed, PhoneNumberFormat.E164)[1..]);
        reason = null;
        return true;
    }

    /// <summary>
    /// Hides all but the country-code end and the last two digits (<c>8491*****78</c>), for logs.
    /// Accepts any text so that a number that failed to parse can be redacted too.
    /// </summary>
    public static string Redact(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= 4)
        {
            return new string('*', value.Length);
        }

        var keepStart = Math.Min(4, value.Length - 6 < 0 ? 1 : value.Length - 6);
        return string.Concat(value.AsSpan(0, keepStart), new string('*', value.Length - keepStart - 2), value.AsSpan(value.Length - 2));
    }

    /// <inheritdoc cref="Redact(string?)"/>
    public string Redacted => Redact(Digits);

    /// <summary>The digits; use <see cref="Redacted"/> in logs.</summary>
    public override string ToString() => Digits ?? string.Empty;
}
