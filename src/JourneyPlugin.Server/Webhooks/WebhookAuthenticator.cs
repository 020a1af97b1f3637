using System.Security.Cryptography;
using System.Text;
using JourneyPlugin.Server.Configuration;
using Microsoft.Net.Http.Headers;

namespace JourneyPlugin.Server.Webhooks;

/// <summary>
/// Checks a webhook's credentials against its connection's settings: HTTP Basic before the body is
/// read, the HMAC-SHA256 signature of the body after. Every comparison takes constant time.
/// </summary>
internal static class WebhookAuthenticator
{
    private const string SignaturePrefix = "sha256=";

    /// <summary>Whether the request carries the connection's Basic credentials (true when Basic is not configured).</summary>
    public static bool HasValidBasicCredentials(HttpRequest request, WebhookAuthOptions auth)
    {
        if (string.IsNullOrEmpty(auth.BasicUser))
        {
            return true;
        }

        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        // Both halves are compared whatever the first gives, so timing reveals neither.
        var userMatches = FixedTimeEquals(decoded[..colon], auth.BasicUser);
        var passwordMatches = FixedTimeEquals(decoded[(colon + 1)..], auth.BasicPassword ?? string.Empty);
        return userMatches & passwordMatches;
    }

    /// <summary>Whether the request's signature header is the HMAC-SHA256 of <paramref name="body"/> (true when HMAC is not configured).</summary>
    public static bool HasValidSignature(HttpRequest request, ReadOnlySpan<byte> body, WebhookAuthOptions auth)
    {
        if (auth.HmacSecret is not { } secret)
        {
            return true;
        }

        var header = request.Headers[auth.SignatureHeader].ToString().Trim();
        if (!header.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(header.AsSpan(SignaturePrefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    /// <summary>The signature header value Infobip (and the sandbox) send for <paramref name="body"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        SignaturePrefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
