using JourneyPlugin.Runtime.Campaigns.Audience;

namespace JourneyPlugin.Server.Runs;

/// <summary>
/// Checks an uploaded audience before a run starts: its format, its header (a phone column, no
/// repeated names) and its first row. Bad rows further down are the run's business: it skips and
/// reports them.
/// </summary>
internal static class AudienceCheck
{
    /// <summary>The format of the file at <paramref name="path"/>, uploaded as <paramref name="fileName"/>.</summary>
    /// <exception cref="AudienceFormatException">The file as a whole cannot be an audience.</exception>
    public static async Task<AudienceFormat> CheckAsync(string path, string fileName, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            var head = new byte[512];
            var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var format = AudienceReader.Detect(fileName, head.AsSpan(0, read));
            stream.Position = 0;
            var rows = AudienceReader.ReadAsync(stream, format, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (rows.ConfigureAwait(false))
            {
                // The header is read with the first row; a file without rows is a run that enrols no one.
                await rows.MoveNextAsync().ConfigureAwait(false);
            }

            return format;
        }
    }
}
