using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JourneyPlugin.Server.Connections;

/// <summary>
/// Reads a JSON request body with a problem response naming what is wrong (the JSON path and why)
/// instead of the framework's binding exception.
/// </summary>
internal static class JsonBody
{
    /// <summary>The body as <typeparamref name="T"/>; null with a problem when it is missing, not JSON or malformed.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpContext context, bool optional, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var hasBody = request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (!hasBody)
        {
            return optional ? (null, null) : (null, Problem(StatusCodes.Status400BadRequest, "Missing body", "The request needs a JSON body."));
        }

        if (!request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", $"Send the body as JSON ('Content-Type: application/json'), not '{request.ContentType ?? "none"}'."));
        }

        try
        {
            var value = await request.ReadFromJsonAsync<T>(cancellationToken).ConfigureAwait(false);
            return value is null && !optional ? (null, Problem(StatusCodes.Status400BadRequest, "Missing body", "The body is 'null'; expected a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            // The framework's message names the path and the expected type; it never quotes the value.
            return (null, Problem(StatusCodes.Status400BadRequest, "Malformed JSON", $"The body is not valid here: {e.Message}", e.Path));
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, string? path = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: path is null ? null : new Dictionary<string, object?> { ["jsonPath"] = path });
}
