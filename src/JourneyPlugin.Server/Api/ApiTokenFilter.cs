using System.Security.Cryptography;
using System.Text;
using JourneyPlugin.Server.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace JourneyPlugin.Server.Api;

/// <summary>Requires <c>Authorization: Bearer &lt;JourneyPlugin:ApiToken&gt;</c> on the API when a token is configured.</summary>
internal sealed class ApiTokenFilter(IOptions<ServerOptions> options) : IEndpointFilter
{
    private readonly byte[]? _expected = options.Value.ApiToken is { } token ? SHA256.HashData(Encoding.UTF8.GetBytes(token)) : null;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (_expected is null)
        {
            return next(context);
        }

        var header = context.HttpContext.Request.Headers[HeaderNames.Authorization].ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(_expected, SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()))))
        {
            return next(context);
        }

        context.HttpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return ValueTask.FromResult<object?>(TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: "The API needs 'Authorization: Bearer <token>' with the server's JourneyPlugin:ApiToken."));
    }
}
