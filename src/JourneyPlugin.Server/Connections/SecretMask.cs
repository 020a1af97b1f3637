namespace JourneyPlugin.Server.Connections;

/// <summary>How a secret is shown: its last four characters at most, and only when it is long enough that they reveal little.</summary>
internal static class SecretMask
{
    private const string Dots = "••••";

    /// <summary><c>••••1a2b</c> for a key of 16 characters or more, <c>••••</c> otherwise.</summary>
    public static string Mask(string? secret) =>
        secret is { Length: >= 16 } ? Dots + secret[^4..] : Dots;
}
