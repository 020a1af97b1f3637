using System.Text;
using System.Text.Json.Nodes;
using JourneyPlugin.Infobip.Sandbox.Serialization;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace JourneyPlugin.Infobip.Sandbox.Http;

/// <summary>Builds WireMock responses with a JSON body.</summary>
internal static class SandboxResponses
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static IResponseMessage Json(int statusCode, JsonNode body)
    {
        var response = new ResponseMessage
        {
            StatusCode = statusCode,
            BodyData = new BodyData
            {
                BodyAsString = SandboxJson.Serialize(body),
                DetectedBodyType = BodyType.String,
                Encoding = Utf8,
            },
        };
        response.AddHeader("Content-Type", "application/json; charset=utf-8");
        return response;
    }

    /// <summary>The sandbox's own control endpoints answer a bad request with <c>{"error": "…"}</c>.</summary>
    public static IResponseMessage ControlError(string message) => Json(400, new JsonObject { ["error"] = message });
}
