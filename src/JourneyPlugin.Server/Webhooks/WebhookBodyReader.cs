using Microsoft.AspNetCore.Http.Features;

namespace JourneyPlugin.Server.Webhooks;

/// <summary>Reads a webhook body into memory, refusing one larger than the limit before and while reading.</summary>
internal static class WebhookBodyReader
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    /// <exception cref="BadHttpRequestException">The request body could not be read (e.g. broken chunking).</exception>
    public static async Task<byte[]?> ReadAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            return null;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 16 * 1024);
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }
}
