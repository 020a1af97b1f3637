using System.Text;
using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>Reads headers and bodies of WireMock requests.</summary>
internal static class RequestReader
{
    public static string? Header(IRequestMessage request, string name)
    {
        if (request.Headers is null)
        {
            return null;
        }

        foreach (var (key, values) in request.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    public static string? Query(IRequestMessage request, string name) =>
        request.Query is not null && request.Query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    public static string? Body(IRequestMessage request) =>
        request.BodyData?.BodyAsString ?? (request.BodyData?.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : null);
}
