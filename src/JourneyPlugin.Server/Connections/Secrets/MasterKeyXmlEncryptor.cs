using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace JourneyPlugin.Server.Connections.Secrets;

/// <summary>Encrypts each Data Protection key with the <see cref="MasterKey"/> before it is written under <c>data/keys</c>.</summary>
internal sealed class MasterKeyXmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    /// <summary>The element that replaces the key's secret in the key file.</summary>
    public static readonly XName ElementName = "journeyPluginEncryptedKey";

    /// <summary>The attribute that names the master key by its fingerprint.</summary>
    public const string FingerprintAttribute = "masterKeyFingerprint";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement(
            ElementName,
            new XAttribute(FingerprintAttribute, masterKey.Fingerprint),
            new XAttribute("algorithm", "AES-256-GCM"),
            new XComment(" Encrypted with JourneyPlugin's master key (JourneyPlugin:MasterKey or data/master.key). "),
            new XElement("value", Convert.ToBase64String(masterKey.Encrypt(plaintext))));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}
