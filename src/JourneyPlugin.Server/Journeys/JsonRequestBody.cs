using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JourneyPlugin.Server.Journeys;

/// <summary>
/// Reads an API request's JSON body as text, bounded, so a journey can be written exactly as sent and every
/// mistake (wrong content type, too large, not UTF-8, not JSON) gets a problem that says which.
/// </summary>
internal static class JsonRequestBody
{
    /// <summary>The largest journey or request body read; a designed journey with its layout is far smaller.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as text, or the problem that explains why it cannot be read.</summary>
    public static async Task<(string? Text, ProblemHttpResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported media type",
                detail: $"send the body as JSON with 'Content-Type: application/json' (got '{request.ContentType ?? "none"}')"));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > MaxBytes)
                {
                    return (null, TooLarge());
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        if (body.Length == 0)
        {
            return (null, BadRequest("The body is empty", "send a JSON object", "$"));
        }

        try
        {
            return (StrictUtf8.GetString(body.GetBuffer(), 0, (int)body.Length), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, BadRequest("The body is not UTF-8", "send the JSON as UTF-8", "$"));
        }
    }

    /// <summary>The body as a JSON object, or the problem (with the JSON path and line of a syntax error).</summary>
    public static async Task<(JsonObject? Json, ProblemHttpResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (text, problem) = await ReadTextAsync(request, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return (null, problem);
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject json
                ? (json, null)
                : (null, BadRequest("The body is not a JSON object", "send a JSON object { … }", "$"));
        }
        catch (JsonException e)
        {
            var reason = e.Message;
            var suffix = reason.IndexOf(" Path:", StringComparison.Ordinal);
            reason = suffix >= 0 ? reason[..suffix] : reason;
            return (null, BadRequest("The body is not valid JSON", $"{reason} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})", e.Path ?? "$"));
        }
    }

    /// <summary>A 400 problem naming where in the body (<paramref name="path"/>) what is wrong.</summary>
    public static ProblemHttpResult BadRequest(string title, string detail, string path) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["path"] = path });

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The body is too large",
        detail: $"the body may be at most {MaxBytes / 1024 / 1024} MB");
}
