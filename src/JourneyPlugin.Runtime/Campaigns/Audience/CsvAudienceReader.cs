using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>Reads a CSV audience one record at a time; see <see cref="AudienceReader"/>.</summary>
internal sealed class CsvAudienceReader : IDisposable
{
    private readonly AudienceByteBuffer _buffer;
    private readonly AudienceReaderOptions _options;
    private readonly AudienceRowBuilder _builder;
    private CsvRecordParser _parser = new((byte)',');
    private CsvHeader? _header;
    private long _row;

    private CsvAudienceReader(Stream stream, AudienceReaderOptions options)
    {
        _buffer = new AudienceByteBuffer(stream, options.MaxRowLength);
        _options = options;
        _builder = new AudienceRowBuilder(options);
    }

    private enum Outcome
    {
        Record,
        TooLong,
        EndOfFile,
    }

    public static async IAsyncEnumerable<AudienceRow> ReadAsync(
        Stream stream, AudienceReaderOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new CsvAudienceReader(stream, options);
        await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadRowAsync(cancellationToken).ConfigureAwait(false) is { } row)
        {
            yield return row;
        }
    }

    public void Dispose() => _buffer.Dispose();

    private async ValueTask ReadHeaderAsync(CancellationToken cancellationToken)
    {
        await AudiencePreamble.SkipAsync(_buffer, cancellationToken).ConfigureAwait(false);

        // Blank lines above the header are rows a spreadsheet shows too.
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var newline = await FindLineEndAsync(cancellationToken).ConfigureAwait(false);
            var line = newline < 0 ? _buffer.Data : _buffer.Data[..newline];
            if (!line.Trim(" \t\r"u8).IsEmpty)
            {
                _parser = new CsvRecordParser(CsvDelimiter.Detect(line));
                break;
            }

            if (newline < 0)
            {
                throw new AudienceFormatException(AudienceErrors.Empty());
            }

            _buffer.Advance(newline + 1);
            _row++;
        }

        var outcome = await ReadRecordAsync(cancellationToken).ConfigureAwait(false);
        _row++;
        if (outcome != Outcome.Record)
        {
            throw new AudienceFormatException(AudienceErrors.HeaderTooLong(_options.MaxRowLength), _row);
        }

        var record = Record();
        if (_parser.QuoteNotClosed || _parser.TextAfterQuoteColumn > 0)
        {
            var reason = _parser.QuoteNotClosed
                ? "a quoted name is not closed"
                : $"column {_parser.TextAfterQuoteColumn} has text after its closing quote";
            throw new AudienceFormatException(AudienceErrors.HeaderNotReadable(reason), _row);
        }

        var names = new string[_parser.Fields.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Decode(record, _parser.Fields[i]);
        }

        _header = CsvHeader.Create(names, _row, _options);
        _buffer.Advance(_parser.Consumed);
    }

    /// <summary>The next row that is not blank, or <see langword="null"/> at the end of the file.</summary>
    private async ValueTask<AudienceRow?> ReadRowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await ReadRecordAsync(cancellationToken).ConfigureAwait(false);
            if (outcome == Outcome.EndOfFile)
            {
                return null;
            }

            _row++;
            if (outcome == Outcome.TooLong)
            {
                return AudienceRowBuilder.Failed(_row, AudienceErrors.TooLong(_row, _options.MaxRowLength, _parser.EndsInsideQuotes || _parser.QuoteNotClosed));
            }

            var row = ToRow();
            _buffer.Advance(_parser.Consumed);
            if (row is not null)
            {
                return row;
            }
        }
    }

    /// <summary>Turns the record just parsed into a row; <see langword="null"/> for a blank one.</summary>
    private AudienceRow? ToRow()
    {
        var record = Record();
        if (IsBlank(record))
        {
            // Spreadsheets export empty rows as lines of separators; they are not customers.
            return null;
        }

        if (_parser.QuoteNotClosed)
        {
            return AudienceRowBuilder.Failed(_row, AudienceErrors.QuoteNotClosed(_row));
        }

        if (_parser.TextAfterQuoteColumn > 0)
        {
            return AudienceRowBuilder.Failed(_row, AudienceErrors.TextAfterClosingQuote(_row, _parser.TextAfterQuoteColumn));
        }

        var header = _header!;
        var fields = _parser.Fields;
        if (fields.Count != header.Names.Length)
        {
            return AudienceRowBuilder.Failed(_row, AudienceErrors.ValueCount(_row, fields.Count, header.Names.Length));
        }

        var attributes = new JsonObject();
        string? phone = null, key = null;
        for (var i = 0; i < fields.Count; i++)
        {
            var value = Decode(record, fields[i]);
            attributes.Add(header.Names[i], JsonValue.Create(value));
            if (i == header.PhoneIndex)
            {
                phone = value;
            }

            if (i == header.KeyIndex)
            {
                key = value;
            }
        }

        return _builder.Build(_row, attributes, phone, key);
    }

    /// <summary>The record just parsed, checked to be UTF-8 text.</summary>
    private ReadOnlySpan<byte> Record()
    {
        var record = _buffer.Data[.._parser.ContentLength];

        // NUL is valid UTF-8 but never in a text file; it is what UTF-16 without a byte-order mark looks like.
        if (!Utf8.IsValid(record) || record.Contains((byte)0))
        {
            throw new AudienceFormatException(AudienceErrors.NotUtf8(_row), _row);
        }

        return record;
    }

    private bool IsBlank(ReadOnlySpan<byte> record)
    {
        foreach (var field in _parser.Fields)
        {
            if (!record.Slice(field.Start, field.Length).Trim(" \t\r\n"u8).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Parses the next record into <see cref="_parser"/>, reading as much as it needs. A record
    /// longer than the limit is skipped to the first line break after its start, whether or not its
    /// end was seen, so the outcome does not depend on how the stream splits its reads.
    /// </summary>
    private async ValueTask<Outcome> ReadRecordAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_buffer.Data.IsEmpty && _buffer.IsCompleted)
            {
                return Outcome.EndOfFile;
            }

            var parsed = _parser.TryParse(_buffer.Data, _buffer.IsCompleted);
            if (parsed && _parser.ContentLength <= _options.MaxRowLength)
            {
                return Outcome.Record;
            }

            // Room for the longest row and its line break is there, and the row has not ended.
            if (parsed || _buffer.Data.Length > _options.MaxRowLength + 2)
            {
                await _buffer.SkipLineAsync(carriageReturnEndsLine: true, cancellationToken).ConfigureAwait(false);
                return Outcome.TooLong;
            }

            await _buffer.FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The offset of the next line feed in the buffer, or -1 at the end of the file or past the longest row.</summary>
    private async ValueTask<int> FindLineEndAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.Data.IndexOf((byte)'\n');
            if (newline >= 0 || _buffer.Data.Length > _options.MaxRowLength + 2 ||
                !await _buffer.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return newline;
            }
        }
    }

    private static string Decode(ReadOnlySpan<byte> record, CsvField field)
    {
        var bytes = record.Slice(field.Start, field.Length);
        if (!field.HasEscapedQuotes)
        {
            return Encoding.UTF8.GetString(bytes).Trim();
        }

        var rented = ArrayPool<byte>.Shared.Rent(bytes.Length);
        try
        {
            var length = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                rented[length++] = bytes[i];

                // Inside quotes every quote is doubled; keep one of each pair.
                if (bytes[i] == '"')
                {
                    i++;
                }
            }

            return Encoding.UTF8.GetString(rented, 0, length).Trim();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
