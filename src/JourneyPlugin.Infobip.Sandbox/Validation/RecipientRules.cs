using JourneyPlugin.WhatsApp.PhoneNumbers;

namespace JourneyPlugin.Infobip.Sandbox.Validation;

/// <summary>Checks a customer number the way Infobip wants it: country code and number, digits only, no plus.</summary>
internal static class RecipientRules
{
    /// <summary>Why <paramref name="number"/> is not a valid WhatsApp recipient, or null if it is.</summary>
    public static string? Check(string number)
    {
        if (!number.All(char.IsAsciiDigit))
        {
            return "must contain digits only: the country code and the number, without '+', spaces or dashes";
        }

        if (!PhoneNumber.TryParse(number, out var parsed, out var reason))
        {
            return $"is not a valid phone number: it {reason}";
        }

        // libphonenumber forgives a national trunk prefix after the country code; Infobip does not.
        return parsed.Digits == number ? null : $"is not a valid phone number: did you mean {parsed.Digits}?";
    }
}
