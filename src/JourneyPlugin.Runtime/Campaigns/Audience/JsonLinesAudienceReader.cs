using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>Reads a JSON-lines audience one line at a time; see <see cref="AudienceReader"/>.</summary>
internal sealed class JsonLinesAudienceReader : IDisposable
{
    // Duplicate names would make the profile depend on which one a consumer picks.
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    private readonly AudienceByteBuffer _buffer;
    private readonly AudienceReaderOptions _options;
    private readonly AudienceRowBuilder _builder;
    private long _row;
    private bool _sawContent;

    private JsonLinesAudienceReader(Stream stream, AudienceReaderOptions options)
    {
        _buffer = new AudienceByteBuffer(stream, options.MaxRowLength);
        _options = options;
        _builder = new AudienceRowBuilder(options);
    }

    public static async IAsyncEnumerable<AudienceRow> ReadAsync(
        Stream stream, AudienceReaderOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new JsonLinesAudienceReader(stream, options);
        await AudiencePreamble.SkipAsync(reader._buffer, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadRowAsync(cancellationToken).ConfigureAwait(false) is { } row)
        {
            yield return row;
        }

        if (!reader._sawContent)
        {
            throw new AudienceFormatException(AudienceErrors.Empty());
        }
    }

    public void Dispose() => _buffer.Dispose();

    /// <summary>The next row that is not blank, or <see langword="null"/> at the end of the file.</summary>
    private async ValueTask<AudienceRow?> ReadRowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int newline;
            while ((newline = _buffer.Data.IndexOf((byte)'\n')) < 0 && !_buffer.IsCompleted && _buffer.Data.Length <= _options.MaxRowLength + 2)
            {
                await _buffer.FillAsync(cancellationToken).ConfigureAwait(false);
            }

            if (newline < 0 && _buffer.IsCompleted && _buffer.Data.IsEmpty)
            {
                return null;
            }

            _row++;
            if (newline < 0 && !_buffer.IsCompleted)
            {
                _sawContent = true;
                await _buffer.SkipLineAsync(carriageReturnEndsLine: false, cancellationToken).ConfigureAwait(false);
                return AudienceRowBuilder.Failed(_row, AudienceErrors.TooLong(_row, _options.MaxRowLength, quoteOpen: false));
            }

            var consumed = newline < 0 ? _buffer.Data.Length : newline + 1;
            var row = ToRow(_buffer.Data[..consumed].TrimEnd("\r\n"u8));
            _buffer.Advance(consumed);
            if (row is not null)
            {
                _sawContent = true;
                return row;
            }
        }
    }

    /// <summary>Turns a line into a row; <see langword="null"/> for a blank one.</summary>
    private AudienceRow? ToRow(ReadOnlySpan<byte> line)
    {
        if (line.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        if (line.Length > _options.MaxRowLength)
        {
            return AudienceRowBuilder.Failed(_row, AudienceErrors.TooLong(_row, _options.MaxRowLength, quoteOpen: false));
        }

        // The parser would call bad bytes invalid JSON; they mean the whole file is in another encoding.
        if (!Utf8.IsValid(line) || line.Contains((byte)0))
        {
            throw new AudienceFormatException(AudienceErrors.NotUtf8(_row), _row);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            // Only the duplicate-property check reports no position.
            return AudienceRowBuilder.Failed(_row, e.BytePositionInLine is { } position
                ? AudienceErrors.InvalidJson(_row, position + 1)
                : AudienceErrors.DuplicateJsonProperty(_row));
        }

        if (node is not JsonObject json)
        {
            return AudienceRowBuilder.Failed(_row, AudienceErrors.NotJsonObject(_row, AudienceErrors.Describe(node?.GetValueKind() ?? JsonValueKind.Null)));
        }

        if (json.Count > _options.MaxColumns)
        {
            return AudienceRowBuilder.Failed(_row, AudienceErrors.TooManyProperties(_row, json.Count, _options.MaxColumns));
        }

        var names = new JsonPropertyNames(json);
        var phoneIndex = ColumnNames.Find(names, _options.PhoneColumn, ColumnNames.PhoneAliases);
        var keyIndex = ColumnNames.Find(names, _options.CustomerKeyColumn, ColumnNames.KeyAliases);
        if (!TryGetText(json, phoneIndex, out var phone, out var phoneKind))
        {
            return AudienceRowBuilder.Failed(_row, AudienceErrors.PhoneNotText(_row, phoneKind));
        }

        if (!TryGetText(json, keyIndex, out var key, out var keyKind))
        {
            return AudienceRowBuilder.Failed(_row, AudienceErrors.KeyNotText(_row, names[keyIndex], keyKind));
        }

        return _builder.Build(_row, json, phone, key);
    }

    /// <summary>
    /// A string's value or a number as written; <see langword="null"/> text for a missing property
    /// or JSON null. <see langword="false"/> with the kind found for anything else.
    /// </summary>
    private static bool TryGetText(JsonObject json, int index, out string? text, out string kind)
    {
        text = null;
        kind = string.Empty;
        var node = index < 0 ? null : json.GetAt(index).Value;
        var valueKind = node?.GetValueKind() ?? JsonValueKind.Null;
        switch (valueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                text = node!.GetValue<string>();
                return true;
            case JsonValueKind.Number:
                text = node!.ToJsonString();
                return true;
            default:
                kind = AudienceErrors.Describe(valueKind);
                return false;
        }
    }
}
