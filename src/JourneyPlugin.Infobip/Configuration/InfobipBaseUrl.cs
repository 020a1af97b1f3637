using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace JourneyPlugin.Infobip.Configuration;

/// <summary>
/// Reads the Base URL of an Infobip account, which the Infobip portal shows as
/// <c>xxxxx.api.infobip.com</c>. Only that form is accepted (with or without <c>https://</c>), so a
/// typo cannot send the API key to another host. Plain http is allowed for loopback only (the sandbox).
/// </summary>
public static class InfobipBaseUrl
{
    private const string InfobipDomain = ".api.infobip.com";

    /// <summary>Parses <paramref name="value"/> into an absolute base URI ending in <c>/</c>.</summary>
    /// <returns><see langword="false"/> with a reason a user can act on when the value is not a Base URL.</returns>
    public static bool TryParse(string? value, [NotNullWhen(true)] out Uri? baseUri, [NotNullWhen(false)] out string? reason)
    {
        baseUri = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            reason = "is empty; expected the account's Base URL, e.g. xxxxx.api.infobip.com";
            return false;
        }

        if (value.Any(char.IsWhiteSpace))
        {
            reason = "contains spaces; expected a host name such as xxxxx.api.infobip.com";
            return false;
        }

        var text = value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            reason = $"'{value}' is not a host name; expected xxxxx.api.infobip.com";
            return false;
        }

        var loopback = uri.IsLoopback;
        if (uri.Scheme == Uri.UriSchemeHttp && !loopback)
        {
            reason = "uses plain http; Infobip requires https (http is allowed for a local sandbox on loopback only)";
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            reason = $"uses the scheme '{uri.Scheme}'; expected https";
            return false;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            reason = "must be a host only, without a path, query or credentials; e.g. xxxxx.api.infobip.com";
            return false;
        }

        if (!loopback && !IsInfobipHost(uri.Host))
        {
            reason = $"'{uri.Host}' is not an Infobip API host; expected xxxxx.api.infobip.com";
            return false;
        }

        baseUri = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        reason = null;
        return true;
    }

    private static bool IsInfobipHost(string host)
    {
        if (!host.EndsWith(InfobipDomain, StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out _))
        {
            return false;
        }

        var prefix = host[..^InfobipDomain.Length];
        return prefix.Length > 0
            && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && prefix[0] != '-' && prefix[^1] != '-';
    }
}
