using System.Buffers;
using JourneyPlugin.Infobip.Configuration;
using JourneyPlugin.WhatsApp.PhoneNumbers;

namespace JourneyPlugin.Server.Connections;

/// <summary>Checks a connection request; every problem is reported under the request field it concerns.</summary>
internal static class ConnectionValidator
{
    /// <summary>The longest connection name.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The shortest webhook HMAC secret, as for configured connections.</summary>
    public const int MinHmacSecretLength = 16;

    private static readonly SearchValues<char> NameCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Why <paramref name="name"/> is not a connection name, or null when it is one.</summary>
    public static string? NameProblem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "is required: a short name journeys use, e.g. marketing-vn";
        }

        if (name.Length > MaxNameLength)
        {
            return $"must be at most {MaxNameLength} characters";
        }

        if (name.AsSpan().ContainsAnyExcept(NameCharacters) || name[0] is '-' or '_')
        {
            return "must be lowercase letters, digits, '-' and '_', starting with a letter or digit (it appears in webhook URLs), e.g. marketing-vn";
        }

        return null;
    }

    /// <summary>
    /// Validates <paramref name="connection"/> (secrets already merged with the stored ones on update)
    /// and normalises its numbers. Returns the problems by field, empty when it is valid.
    /// </summary>
    public static Dictionary<string, string[]> Validate(StoredConnection connection, out StoredConnection normalised)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string reason) => errors[field] = [.. errors.GetValueOrDefault(field, []), reason];

        if (NameProblem(connection.Name) is { } nameProblem)
        {
            Add("name", nameProblem);
        }

        if (!string.Equals(connection.Vendor, Connection.InfobipVendor, StringComparison.Ordinal))
        {
            Add("vendor", $"'{connection.Vendor}' is not supported; the only vendor so far is '{Connection.InfobipVendor}'");
        }

        if (string.IsNullOrWhiteSpace(connection.ApiKey))
        {
            Add("apiKey", "is empty; copy the API key from the Infobip portal");
        }
        else if (connection.ApiKey.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            Add("apiKey", "contains spaces or control characters");
        }

        if (!InfobipBaseUrl.TryParse(connection.BaseUrl, out _, out var baseUrlReason))
        {
            Add("baseUrl", baseUrlReason);
        }

        var sender = Number(connection.Sender, "sender", required: true, Add);
        var recipient = Number(connection.QuickTestRecipient, "quickTestRecipient", required: false, Add);

        var hasUser = !string.IsNullOrEmpty(connection.WebhookBasicUser);
        var hasPassword = !string.IsNullOrEmpty(connection.WebhookBasicPassword);
        if (hasUser && !hasPassword)
        {
            Add("webhookBasicPassword", "is required with webhookBasicUser");
        }
        else if (hasPassword && !hasUser)
        {
            Add("webhookBasicUser", "is required with webhookBasicPassword");
        }

        if (connection.WebhookBasicUser?.Contains(':', StringComparison.Ordinal) == true)
        {
            Add("webhookBasicUser", "must not contain ':'");
        }

        if (connection.WebhookHmacSecret is { Length: > 0 and < MinHmacSecretLength })
        {
            Add("webhookHmacSecret", $"must be at least {MinHmacSecretLength} characters");
        }

        normalised = connection with
        {
            Sender = sender ?? connection.Sender,
            QuickTestRecipient = recipient,
            BaseUrl = connection.BaseUrl.Trim(),
            WebhookBasicUser = hasUser ? connection.WebhookBasicUser : null,
            WebhookBasicPassword = hasUser ? connection.WebhookBasicPassword : null,
            WebhookHmacSecret = string.IsNullOrEmpty(connection.WebhookHmacSecret) ? null : connection.WebhookHmacSecret,
        };
        return errors;
    }

    /// <summary>
    /// Checks a number as the CDP's form wants it: digits with the country code and no plus sign.
    /// Returns the digits, or null when it is missing or wrong.
    /// </summary>
    public static string? Number(string? value, string field, bool required, Action<string, string> add)
    {
        ArgumentNullException.ThrowIfNull(add);
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                add(field, "is empty; expected the number with its country code and no plus sign, e.g. 447860099299");
            }

            return null;
        }

        var text = value.Trim();
        if (text.StartsWith('+'))
        {
            add(field, "must be written without the plus sign: the country code and the number, digits only, e.g. " + text[1..].Replace(" ", string.Empty, StringComparison.Ordinal));
            return null;
        }

        if (!text.All(char.IsAsciiDigit))
        {
            add(field, "must be digits only: the country code and the number, without spaces or signs, e.g. 84912345678");
            return null;
        }

        if (!PhoneNumber.TryParse(text, out var number, out var reason))
        {
            add(field, reason);
            return null;
        }

        return number.Digits;
    }
}
