using System.Security.Cryptography;
using System.Text;
using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>Checks <c>Authorization: App &lt;key&gt;</c>, Infobip's recommended scheme.</summary>
internal sealed class ApiKeyAuthenticator(string apiKey)
{
    private const string Scheme = "App ";
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(apiKey);

    public bool IsAuthorized(IRequestMessage request)
    {
        var header = RequestReader.Header(request, "Authorization");
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Constant time, so that the sandbox does not teach a bad habit.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), _expected);
    }
}
