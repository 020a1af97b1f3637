using System.Net;
using Microsoft.Extensions.Configuration;

namespace JourneyPlugin.Server.Configuration;

/// <summary>The addresses the server is configured to listen on, read before it starts.</summary>
internal static class ListenAddresses
{
    /// <summary>Where the server listens when nothing is configured.</summary>
    public const string Default = "http://localhost:5080";

    /// <summary>
    /// The configured URLs: <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), else <c>http_ports</c>/<c>https_ports</c>
    /// (which bind every interface), plus any <c>Kestrel:Endpoints:*:Url</c>; <see cref="Default"/> when none.
    /// </summary>
    public static IReadOnlyList<string> Read(IConfiguration configuration, out bool isDefault)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = Split(configuration["urls"]).ToList();
        if (urls.Count == 0)
        {
            urls.AddRange(Split(configuration["http_ports"]).Select(port => $"http://*:{port}"));
            urls.AddRange(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"));
        }

        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"])
            .OfType<string>());
        isDefault = urls.Count == 0;
        return isDefault ? [Default] : urls;
    }

    /// <summary>The URLs that expose the server beyond this machine: any host that is not loopback.</summary>
    public static IReadOnlyList<string> NonLoopback(IEnumerable<string> urls) => urls.Where(url => !IsLoopback(url)).ToList();

    /// <summary>Whether <paramref name="url"/> binds only loopback (<c>localhost</c>, 127.0.0.0/8, <c>[::1]</c>).</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = HostOf(url);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>The base URL at which this machine reaches the server over <paramref name="url"/> (wildcard hosts become 127.0.0.1).</summary>
    public static Uri LocalBase(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var scheme = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "https" : "http";
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var host = HostOf(url);
        var port = rest.Length > host.Length && rest[host.Length] == ':' ? rest[(host.Length + 1)..].Split('/')[0] : (scheme == "https" ? "443" : "80");
        var local = host is "*" or "+" or "0.0.0.0" or "[::]" || host.Contains('*', StringComparison.Ordinal) ? "127.0.0.1" : host;
        return new Uri($"{scheme}://{local}:{port}/");
    }

    private static string HostOf(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start < 0 ? url : url[(start + 3)..];
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? rest : rest[..(close + 1)];
        }

        var end = rest.IndexOfAny([':', '/']);
        return end < 0 ? rest : rest[..end];
    }

    private static string[] Split(string? value) =>
        (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
