using JourneyPlugin.Infobip.Sandbox.Logging;
using Microsoft.Extensions.Logging;
using WireMock;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>Logs why a request was refused and passes the refusal on.</summary>
internal static class Refusals
{
    public static IResponseMessage Log(ILogger logger, IRequestMessage request, IResponseMessage response, string reason)
    {
        SandboxLog.RequestRefused(logger, request.Method, request.Path, Convert.ToInt32(response.StatusCode, System.Globalization.CultureInfo.InvariantCulture), reason);
        return response;
    }
}
