using JourneyPlugin.Runtime.Campaigns.Audience;

namespace JourneyPlugin.Server.Runs;

/// <summary>
/// Checks an uploaded audience before a run starts: its format, its header (a phone column, no
/// repeated names) and its first rows. A few bad rows further down are the run's business: it skips
/// and reports them. But a file whose first rows are all bad is the wrong file (a pretty-printed JSON
/// document, the wrong column as phone), and a file without rows is no audience.
/// </summary>
internal static class AudienceCheck
{
    /// <summary>How many rows are read before the run starts.</summary>
    public const int RowsChecked = 100;

    /// <summary>The format of the file at <paramref name="path"/>, uploaded as <paramref name="fileName"/>.</summary>
    /// <exception cref="AudienceFormatException">The file cannot be an audience.</exception>
    public static async Task<AudienceFormat> CheckAsync(string path, string fileName, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            var head = new byte[512];
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var format = AudienceReader.Detect(fileName, head.AsSpan(0, read));
            stream.Position = 0;
            AudienceRow? first = null;
            var rows = 0;
            await foreach (var row in AudienceReader.ReadAsync(stream, format, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (row.IsValid)
                {
                    return format;
                }

                first ??= row;
                if (++rows == RowsChecked)
                {
                    break;
                }
            }

            throw first is null
                ? new AudienceFormatException("The audience has no customers: no row after the header.")
                : new AudienceFormatException($"None of the first {rows} rows can be enrolled, so this is probably not the audience file; the first: {first.Error}", first.RowNumber);
        }
    }
}
