using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyPlugin.Server.Connections.Secrets;

/// <summary>
/// Decrypts a key written by <see cref="MasterKeyXmlEncryptor"/>. Data Protection creates it by the
/// type name stored in the key file, with the host's services.
/// </summary>
internal sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly MasterKey _masterKey = services.GetRequiredService<MasterKey>();

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var fingerprint = (string?)encryptedElement.Attribute(MasterKeyXmlEncryptor.FingerprintAttribute);
        if (!string.Equals(fingerprint, _masterKey.Fingerprint, StringComparison.Ordinal))
        {
            throw new CryptographicException(
                $"The key was encrypted with the master key of fingerprint {fingerprint}, not with the configured one ({_masterKey.Fingerprint}, from {_masterKey.Origin}).");
        }

        var value = encryptedElement.Element("value")?.Value ?? throw new CryptographicException("The encrypted key has no value.");
        return XElement.Parse(Encoding.UTF8.GetString(_masterKey.Decrypt(Convert.FromBase64String(value))));
    }
}
