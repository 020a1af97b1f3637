namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>
/// Reads the audience of a campaign run, one customer per row, as a stream: memory stays the same
/// for a thousand rows or ten million (except for duplicate detection, see
/// <see cref="AudienceReaderOptions.DetectDuplicates"/>).
/// </summary>
/// <remarks>
/// <para>
/// A row that cannot be enrolled (no phone, an invalid phone, malformed, a duplicate customer) is
/// yielded with <see cref="AudienceRow.Error"/> set, in file order with the others; the caller skips
/// and records it, and the reader goes on. Only a problem with the file as a whole throws
/// <see cref="AudienceFormatException"/>: empty, no header, no phone column, a repeated column name,
/// not UTF-8. An encoding problem is found where it occurs, so rows before it may have been yielded.
/// </para>
/// <para>
/// CSV: RFC 4180 with a header row; separator <c>,</c> <c>;</c> or tab, taken from the header;
/// <c>\r\n</c>, <c>\n</c> or <c>\r</c> line breaks; an optional UTF-8 byte-order mark. Blank lines,
/// and lines of nothing but separators, are skipped. The phone column is found by name ignoring case
/// and <c>_</c>, <c>-</c>, <c>.</c>, spaces: <c>phone</c>, else <c>phone_number</c>, <c>mobile</c>, <c>msisdn</c>.
/// JSON lines: one object per line, its phone property found the same way.
/// </para>
/// </remarks>
public static class AudienceReader
{
    /// <summary>Reads the rows of an audience, in file order.</summary>
    /// <param name="stream">The file; read once from its current position, and left open.</param>
    /// <param name="format">The file's format, e.g. from <see cref="Detect"/>.</param>
    /// <param name="options">Limits and column choices; <see langword="null"/> for <see cref="AudienceReaderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <returns>The rows, to be enumerated once: enumerating reads the stream.</returns>
    /// <exception cref="AudienceFormatException">While enumerating: the file as a whole cannot be read.</exception>
    public static IAsyncEnumerable<AudienceRow> ReadAsync(
        Stream stream,
        AudienceFormat format,
        AudienceReaderOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        options ??= AudienceReaderOptions.Default;
        options.Validate();
        return format switch
        {
            AudienceFormat.Csv => CsvAudienceReader.ReadAsync(stream, options, cancellationToken),
            AudienceFormat.JsonLines => JsonLinesAudienceReader.ReadAsync(stream, options, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an audience format."),
        };
    }

    /// <summary>
    /// Tells the format of an audience file: by the extension of <paramref name="fileName"/>
    /// (<c>.csv</c>, <c>.tsv</c>; <c>.jsonl</c>, <c>.ndjson</c>), else by its first bytes: a line
    /// starting with <c>{</c> is JSON lines, other text is CSV.
    /// </summary>
    /// <param name="fileName">The name the file was uploaded under.</param>
    /// <param name="firstBytes">The start of the file; a few hundred bytes are plenty.</param>
    /// <exception cref="AudienceFormatException">
    /// The file is a spreadsheet workbook, a JSON array, UTF-16 or binary, or it is empty and its name does not tell.
    /// </exception>
    public static AudienceFormat Detect(string fileName, ReadOnlySpan<byte> firstBytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return AudienceFormatDetector.Detect(fileName, firstBytes);
    }
}
