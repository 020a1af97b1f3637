using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace JourneyPlugin.Server.Runs;

/// <summary>
/// Reads a <c>multipart/form-data</c> run request section by section, streaming the audience file
/// to disk as it arrives: a gigabyte upload costs one buffer of memory, not a gigabyte.
/// </summary>
internal sealed class AudienceUploadReader(IOptions<RunOptions> options)
{
    /// <summary>The form field that carries the audience file.</summary>
    public const string AudienceField = "audience";

    /// <summary>The form field naming the journey.</summary>
    public const string JourneyIdField = "journeyId";

    /// <summary>The optional form field naming the run.</summary>
    public const string NameField = "name";

    // The form's text fields are short; anything longer is a mistake, not a journey id.
    private const int MaxFieldBytes = 1024;

    // The form's own bytes around the file: boundaries, part headers, the text fields.
    private const long FormOverheadBytes = 64 * 1024;

    /// <summary>Reads the form; the audience file goes to <paramref name="tempPath"/>.</summary>
    /// <exception cref="AudienceUploadException">Not a multipart form (415), a field too long, or the file larger than allowed (the partial file is deleted).</exception>
    public async Task<AudienceUpload> ReadAsync(HttpRequest request, string tempPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw new AudienceUploadException(
                StatusCodes.Status415UnsupportedMediaType,
                AudienceField,
                $"Send the run as multipart/form-data with the fields '{JourneyIdField}', '{NameField}' (optional) and the file '{AudienceField}', not '{request.ContentType ?? "no content type"}'.");
        }

        var maxBytes = options.Value.MaxAudienceBytes;
        if (request.ContentLength > maxBytes + FormOverheadBytes)
        {
            // Refused before a byte of the body is read: a client that asked "Expect: 100-continue" (curl does
            // for large files) sends none, and Kestrel drains a body under its own limit, so the client reads
            // this answer instead of a connection closed in the middle of its upload.
            throw new AudienceUploadException(StatusCodes.Status413PayloadTooLarge, AudienceField, TooLarge(maxBytes));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            // Kestrel's default (30 MB) is far below an audience file's; this endpoint counts the file itself.
            sizeFeature.MaxRequestBodySize = maxBytes + FormOverheadBytes;
        }

        string? journeyId = null, name = null, fileName = null;
        long bytes = 0;
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
            while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
                {
                    continue;
                }

                var field = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition.IsFileDisposition())
                {
                    if (field == AudienceField && fileName is null)
                    {
                        fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value) ?? string.Empty;
                        bytes = await CopyAsync(section.Body, tempPath, maxBytes, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                switch (field)
                {
                    case JourneyIdField:
                        journeyId = await ReadFieldAsync(section.Body, JourneyIdField, cancellationToken).ConfigureAwait(false);
                        break;
                    case NameField:
                        name = await ReadFieldAsync(section.Body, NameField, cancellationToken).ConfigureAwait(false);
                        break;
                    case AudienceField:
                        throw new AudienceUploadException(StatusCodes.Status400BadRequest, AudienceField, $"'{AudienceField}' must be a file (CSV or JSON lines), not a text field.");
                }
            }
        }
        catch (BadHttpRequestException e)
        {
            File.Delete(tempPath);
            var status = e.StatusCode == StatusCodes.Status413PayloadTooLarge ? e.StatusCode : StatusCodes.Status400BadRequest;
            throw new AudienceUploadException(status, AudienceField, status == StatusCodes.Status413PayloadTooLarge ? TooLarge(maxBytes) : $"The form could not be read: {e.Message}");
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            // A malformed multipart body (e.g. a missing end boundary) surfaces as IOException from the reader.
            File.Delete(tempPath);
            throw new AudienceUploadException(StatusCodes.Status400BadRequest, AudienceField, $"The form could not be read: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            File.Delete(tempPath);
            throw new AudienceUploadException(StatusCodes.Status400BadRequest, AudienceField, $"The form could not be read: {e.Message}");
        }
        catch (AudienceUploadException)
        {
            File.Delete(tempPath);
            throw;
        }

        // A browser sends a file part with an empty name and no bytes when no file was chosen.
        var hasFile = fileName is { Length: > 0 } || bytes > 0;
        return new AudienceUpload(journeyId, name, hasFile ? fileName : null, hasFile ? tempPath : null, bytes);
    }

    private static string TooLarge(long maxBytes) =>
        $"The audience file is larger than the {maxBytes:N0} bytes allowed (JourneyPlugin:Runs:MaxAudienceBytes); split it into several runs.";

    private static async Task<long> CopyAsync(Stream source, string path, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            await using var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new AudienceUploadException(StatusCodes.Status413PayloadTooLarge, AudienceField, TooLarge(maxBytes));
                }

                await WriteAsync(target, buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            await WriteAsync(target, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes (or, with nothing to write, flushes); a full disk is the server's problem, not the caller's.</summary>
    private static async Task WriteAsync(FileStream target, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            if (bytes.IsEmpty)
            {
                await target.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await target.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException e)
        {
            throw new AudienceUploadException(StatusCodes.Status507InsufficientStorage, AudienceField, $"The server could not store the audience file: {e.Message}");
        }
    }

    private static async Task<string> ReadFieldAsync(Stream body, string field, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        if (length > MaxFieldBytes)
        {
            throw new AudienceUploadException(StatusCodes.Status400BadRequest, field, $"'{field}' must be at most {MaxFieldBytes} bytes.");
        }

        return Encoding.UTF8.GetString(buffer, 0, length).Trim();
    }
}
