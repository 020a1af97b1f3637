using System.Globalization;
using System.Security.Cryptography;

namespace JourneyPlugin.Infobip.Sandbox.Serialization;

/// <summary>Makes identifiers that look like the ones Infobip and Meta hand out.</summary>
internal static class InfobipIds
{
    /// <summary>A message id for a request that gave none: a UUID string, as Infobip generates.</summary>
    public static string NewMessageId() => Guid.NewGuid().ToString();

    /// <summary>A bulk id: Infobip's are long decimal numbers such as <c>2034072219640523073</c>.</summary>
    public static string NewBulkId()
    {
        var high = RandomNumberGenerator.GetInt32(100_000_000, 999_999_999);
        var low = RandomNumberGenerator.GetInt32(0, 1_000_000_000);
        return string.Create(CultureInfo.InvariantCulture, $"{high}{low:000000000}");
    }

    /// <summary>An inbound message id: Meta's <c>wamid.</c> followed by base64.</summary>
    public static string NewWamid() => "wamid." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
}
