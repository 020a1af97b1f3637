using System.Security.Cryptography;
using System.Xml.Linq;
using JourneyPlugin.Server.Configuration;

namespace JourneyPlugin.Server.Connections.Secrets;

/// <summary>
/// Where the master key comes from. A server that matters sets <c>JourneyPlugin:MasterKey</c> (from a
/// secret store, through the environment variable <c>JourneyPlugin__MasterKey</c>), so that a copy of
/// <c>data/</c> alone reveals no secret. Only the loopback embedded default may fall back to a key
/// generated into <c>data/master.key</c> (mode 0600), with a warning at every start.
/// </summary>
internal static class MasterKeySource
{
    /// <summary>The setting that holds the master key.</summary>
    public const string SettingName = ServerOptions.SectionName + ":MasterKey";

    /// <summary>The generated key file in the data directory.</summary>
    public const string FileName = "master.key";

    /// <summary>The folder of the Data Protection key ring in the data directory.</summary>
    public const string KeysFolder = "keys";

    /// <summary>The folder of the Data Protection key ring.</summary>
    public static string KeysDirectory(string dataDirectory) => Path.GetFullPath(Path.Combine(dataDirectory, KeysFolder));

    /// <summary>
    /// The configured master key, or the one of <c>data/master.key</c>, generated on first use. Creates
    /// the key ring's folder readable by its owner only, before Data Protection writes a key into it.
    /// </summary>
    public static MasterKey Load(string? configured, string dataDirectory)
    {
        var keys = KeysDirectory(dataDirectory);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(keys);
        }
        else
        {
            Directory.CreateDirectory(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return MasterKey.From(configured, SettingName, isGeneratedFile: false);
        }

        var path = Path.GetFullPath(Path.Combine(dataDirectory, FileName));
        if (!File.Exists(path))
        {
            try
            {
                // CreateNew: two processes starting at once cannot overwrite each other's key.
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var file = new FileStream(path, create);
                using var writer = new StreamWriter(file);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process generated it first: use theirs.
            }
        }

        var text = File.ReadAllText(path).Trim();
        if (text.Length < MasterKey.MinimumLength)
        {
            throw new ServerConfigurationException($"The master key file '{path}' is damaged (shorter than {MasterKey.MinimumLength} characters). Restore it from a backup, or set {SettingName}.");
        }

        return MasterKey.From(text, path, isGeneratedFile: true);
    }

    /// <summary>
    /// Checks that every key of the key ring was encrypted with <paramref name="masterKey"/>, so a wrong
    /// master key stops the server with a clear message instead of quietly making a new key ring.
    /// </summary>
    /// <exception cref="ServerConfigurationException">A key was encrypted with another master key.</exception>
    public static void CheckKeyRing(string keysDirectory, MasterKey masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (!Directory.Exists(keysDirectory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(keysDirectory, "*.xml"))
        {
            var fingerprints = XDocument.Load(file).Descendants(MasterKeyXmlEncryptor.ElementName)
                .Select(e => (string?)e.Attribute(MasterKeyXmlEncryptor.FingerprintAttribute));
            foreach (var fingerprint in fingerprints.Where(f => !string.Equals(f, masterKey.Fingerprint, StringComparison.Ordinal)))
            {
                throw new ServerConfigurationException(
                    $"The secrets under '{keysDirectory}' were encrypted with another master key (fingerprint {fingerprint}); "
                    + $"the master key in use, from {masterKey.Origin}, has fingerprint {masterKey.Fingerprint}. "
                    + $"Set {SettingName} (environment variable JourneyPlugin__MasterKey) to the key the data directory was created with. "
                    + "Nothing was changed.");
            }
        }
    }
}
