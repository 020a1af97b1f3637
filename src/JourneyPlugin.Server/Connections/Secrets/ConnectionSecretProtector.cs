using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace JourneyPlugin.Server.Connections.Secrets;

/// <summary>
/// Encrypts the secrets of stored connections with ASP.NET Core Data Protection. Each value is bound
/// to its connection and field, so a ciphertext copied to another row or column does not decrypt.
/// </summary>
internal sealed class ConnectionSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _root = provider.CreateProtector("JourneyPlugin.Connections.Secrets.v1");

    /// <summary>The ciphertext of <paramref name="secret"/>, or null for null.</summary>
    public string? Protect(string connection, string field, string? secret) =>
        secret is null ? null : _root.CreateProtector(connection, field).Protect(secret);

    /// <summary>The secret of <paramref name="ciphertext"/>, or null for null.</summary>
    /// <exception cref="CryptographicException">The key that encrypted it is not in the key ring, or the value was altered.</exception>
    public string? Unprotect(string connection, string field, string? ciphertext) =>
        ciphertext is null ? null : _root.CreateProtector(connection, field).Unprotect(ciphertext);
}
