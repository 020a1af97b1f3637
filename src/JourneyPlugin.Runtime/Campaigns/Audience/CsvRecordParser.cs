using System.Buffers;

namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>
/// Splits one CSV record (RFC 4180) into fields: quoted values may hold the delimiter, doubled
/// quotes and line breaks; records end at <c>\r\n</c>, <c>\n</c> or <c>\r</c>. Works on UTF-8
/// bytes, which is safe because no byte of a multi-byte character is a quote, delimiter or line break.
/// </summary>
/// <remarks>
/// Lenient where the meaning is plain: spaces before an opening quote or after a closing one are
/// ignored, and a quote inside an unquoted value is kept as a character. Text after a closing
/// quote (<c>"a"b</c>) and a quote never closed are reported, not guessed at.
/// </remarks>
internal sealed class CsvRecordParser
{
    private readonly byte _delimiter;
    private readonly SearchValues<byte> _stops;

    /// <param name="delimiter">The value separator: <c>,</c>, <c>;</c> or tab.</param>
    public CsvRecordParser(byte delimiter)
    {
        _delimiter = delimiter;
        _stops = SearchValues.Create([delimiter, (byte)'\r', (byte)'\n']);
    }

    /// <summary>The fields of the last record parsed.</summary>
    public List<CsvField> Fields { get; } = [];

    /// <summary>The length of the last record without its line break.</summary>
    public int ContentLength { get; private set; }

    /// <summary>The length of the last record with its line break: the bytes to consume.</summary>
    public int Consumed { get; private set; }

    /// <summary>The 1-based column of the first value with text after its closing quote, or 0.</summary>
    public int TextAfterQuoteColumn { get; private set; }

    /// <summary>Whether the last record has a quoted value that runs to the end of the file.</summary>
    public bool QuoteNotClosed { get; private set; }

    /// <summary>After <see cref="TryParse"/> returned <see langword="false"/>: whether the data ended inside quotes.</summary>
    public bool EndsInsideQuotes { get; private set; }

    /// <summary>
    /// Parses the record at the start of <paramref name="data"/>. Returns <see langword="false"/> when
    /// its end is not in <paramref name="data"/> yet and more may come (<paramref name="isFinalBlock"/>
    /// <see langword="false"/>); the caller reads more and calls again from the same start.
    /// </summary>
    public bool TryParse(ReadOnlySpan<byte> data, bool isFinalBlock)
    {
        Fields.Clear();
        TextAfterQuoteColumn = 0;
        QuoteNotClosed = false;
        EndsInsideQuotes = false;

        var pos = 0;
        while (true)
        {
            var p = SkipBlanks(data, pos);
            int stop;
            if (p < data.Length && data[p] == '"')
            {
                if (!TryReadQuoted(data, p, isFinalBlock, out var closing))
                {
                    return false;
                }

                if (QuoteNotClosed)
                {
                    return Finish(data.Length, data.Length);
                }

                pos = SkipBlanks(data, closing + 1);
                if (pos == data.Length)
                {
                    return isFinalBlock && Finish(pos, pos);
                }

                if (data[pos] != _delimiter && data[pos] is not (byte)'\r' and not (byte)'\n')
                {
                    // Read on to the end of the value so the next one starts in the right place.
                    if (TextAfterQuoteColumn == 0)
                    {
                        TextAfterQuoteColumn = Fields.Count;
                    }

                    stop = data[pos..].IndexOfAny(_stops);
                    if (stop < 0)
                    {
                        return isFinalBlock && Finish(data.Length, data.Length);
                    }

                    pos += stop;
                }
            }
            else
            {
                stop = data[pos..].IndexOfAny(_stops);
                if (stop < 0)
                {
                    if (!isFinalBlock)
                    {
                        return false;
                    }

                    Fields.Add(new CsvField(pos, data.Length - pos, HasEscapedQuotes: false));
                    return Finish(data.Length, data.Length);
                }

                Fields.Add(new CsvField(pos, stop, HasEscapedQuotes: false));
                pos += stop;
            }

            if (data[pos] == _delimiter)
            {
                pos++;
                continue;
            }

            return TryFinishLine(data, pos, isFinalBlock);
        }
    }

    private bool TryReadQuoted(ReadOnlySpan<byte> data, int openingQuote, bool isFinalBlock, out int closingQuote)
    {
        var q = openingQuote + 1;
        var escaped = false;
        while (true)
        {
            var next = data[q..].IndexOf((byte)'"');
            if (next < 0)
            {
                closingQuote = -1;
                if (!isFinalBlock)
                {
                    EndsInsideQuotes = true;
                    return false;
                }

                Fields.Add(new CsvField(openingQuote + 1, data.Length - openingQuote - 1, escaped));
                QuoteNotClosed = true;
                return true;
            }

            q += next;
            if (q + 1 == data.Length && !isFinalBlock)
            {
                // A closing quote or the first of a doubled one: the next byte tells.
                EndsInsideQuotes = true;
                closingQuote = -1;
                return false;
            }

            if (q + 1 < data.Length && data[q + 1] == '"')
            {
                escaped = true;
                q += 2;
                continue;
            }

            Fields.Add(new CsvField(openingQuote + 1, q - openingQuote - 1, escaped));
            closingQuote = q;
            return true;
        }
    }

    private bool TryFinishLine(ReadOnlySpan<byte> data, int lineBreak, bool isFinalBlock)
    {
        if (data[lineBreak] == '\n')
        {
            return Finish(lineBreak, lineBreak + 1);
        }

        // '\r': alone, or the first half of "\r\n".
        if (lineBreak + 1 < data.Length)
        {
            return Finish(lineBreak, data[lineBreak + 1] == '\n' ? lineBreak + 2 : lineBreak + 1);
        }

        return isFinalBlock && Finish(lineBreak, lineBreak + 1);
    }

    private bool Finish(int contentLength, int consumed)
    {
        ContentLength = contentLength;
        Consumed = consumed;
        return true;
    }

    private int SkipBlanks(ReadOnlySpan<byte> data, int pos)
    {
        while (pos < data.Length && (data[pos] == ' ' || (data[pos] == '\t' && _delimiter != '\t')))
        {
            pos++;
        }

        return pos;
    }
}
