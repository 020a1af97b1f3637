using System.Collections.Concurrent;
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

    /// <summary>How many recent inputs are remembered with their result; all are forgotten when there are more.</summary>
    private const int RecentCapacity = 4096;

    private static readonly ConcurrentDictionary<string, (string? Digits, string? Reason)> Recent = new(StringComparer.Ordinal);
    private static int _recentCount;

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

        // A campaign message's number is parsed by the audience reader, the Send step and the vendor client in turn.
        if (!Recent.TryGetValue(input, out var parsed))
        {
            parsed = Normalize(input);
            if (Interlocked.Increment(ref _recentCount) > RecentCapacity)
            {
                Recent.Clear();
                Volatile.Write(ref _recentCount, 0);
            }

            Recent[input] = parsed;
        }

        if (parsed.Digits is { } digits)
        {
            number = new PhoneNumber(digits);
            reason = null;
            return true;
        }

        reason = parsed.Reason ?? "is not a phone number";
        return false;
    }

    /// <summary>The digits of <paramref name="input"/>, or why it is not a number WhatsApp can reach.</summary>
    private static (string? Digits, string? Reason) Normalize(string input)
    {
        var text = input.Trim();
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not ('+' or ' ' or '-' or '.' or '(' or ')'))
            {
                return (null, $"contains '{c}', which is not part of a phone number");
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
                return (null, "has no country code (a national number starting with 0); write it with the country code, e.g. 84912345678");
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
            return (null, e.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE => "does not start with a known country code",
                ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => "is too short",
                ErrorType.TOO_LONG => "is too long",
                _ => "is not a phone number",
            });
        }

        var possibility = Util.IsPossibleNumberWithReason(parsed);
        if (possibility is not PhoneNumberUtil.ValidationResult.IS_POSSIBLE and not PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY)
        {
            return (null, possibility switch
            {
                PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => "does not start with a known country code",
                PhoneNumberUtil.ValidationResult.TOO_SHORT => $"is too short for country code {parsed.CountryCode}",
                PhoneNumberUtil.ValidationResult.TOO_LONG => $"is too long for country code {parsed.CountryCode}",
                _ => $"has an impossible length for country code {parsed.CountryCode}",
            });
        }

        if (!Util.IsValidNumber(parsed))
        {
            return (null, $"is not a valid number for country code {parsed.CountryCode}");
        }

        return (Util.Format(parsed, PhoneNumberFormat.E164)[1..], null);
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
