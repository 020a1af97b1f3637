using System.Security.Cryptography;
using System.Text;

namespace JourneyPlugin.Server.Connections.Secrets;

/// <summary>
/// The key-encryption key that protects the Data Protection key ring at rest (Linux has no DPAPI).
/// Derived with HKDF-SHA256 from <c>JourneyPlugin:MasterKey</c> or from the generated key file; its
/// fingerprint, stored beside every key it encrypts, tells a wrong master key from a damaged key.
/// </summary>
internal sealed class MasterKey
{
    /// <summary>The shortest master key accepted: 32 characters (the generated one is 32 random bytes in base64).</summary>
    public const int MinimumLength = 32;

    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Salt = Encoding.UTF8.GetBytes("JourneyPlugin.MasterKey.v1");
    private readonly byte[] _key;

    private MasterKey(byte[] key, string origin, bool isGeneratedFile)
    {
        _key = key;
        Origin = origin;
        IsGeneratedFile = isGeneratedFile;
        Fingerprint = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("fingerprint")).AsSpan(0, 8));
    }

    /// <summary>Where the key came from, for messages: the setting or the file path (never the key).</summary>
    public string Origin { get; }

    /// <summary>Whether the key was read from (or generated into) the file under the data directory.</summary>
    public bool IsGeneratedFile { get; }

    /// <summary>A short, non-secret identifier of the key.</summary>
    public string Fingerprint { get; }

    /// <summary>Derives the key from <paramref name="secret"/>.</summary>
    public static MasterKey From(string secret, string origin, bool isGeneratedFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret.Trim()), 32, Salt, Encoding.UTF8.GetBytes("key-encryption"));
        return new MasterKey(key, origin, isGeneratedFile);
    }

    /// <summary>AES-256-GCM: nonce, ciphertext and tag in one array.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), Encoding.UTF8.GetBytes(Fingerprint));
        return output;
    }

    /// <summary>Reverses <see cref="Encrypt"/>.</summary>
    /// <exception cref="CryptographicException">The data was not encrypted with this key, or was altered.</exception>
    public byte[] Decrypt(ReadOnlySpan<byte> data)
    {
        if (data.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The encrypted key is too short.");
        }

        var plaintext = new byte[data.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(data[..NonceSize], data[NonceSize..^TagSize], data[^TagSize..], plaintext, Encoding.UTF8.GetBytes(Fingerprint));
        return plaintext;
    }
}
