using System.Buffers;

namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>
/// A window over the audience stream: rows are parsed from <see cref="Data"/>, consumed with
/// <see cref="Advance"/>, and more bytes are read only when a row does not fit yet. The buffer
/// starts at 64 KiB and grows only to hold one row of the longest allowed length, so memory does
/// not depend on the size of the file.
/// </summary>
internal sealed class AudienceByteBuffer : IDisposable
{
    private const int InitialSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxSize;
    private byte[] _buffer;
    private int _start;
    private int _end;

    /// <param name="stream">The stream; left open.</param>
    /// <param name="maxRowLength">The longest row; the buffer grows to hold it with its line break and one byte more.</param>
    public AudienceByteBuffer(Stream stream, int maxRowLength)
    {
        _stream = stream;
        _maxSize = maxRowLength + 3;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialSize, _maxSize));
    }

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Whether the stream has ended: <see cref="Data"/> is all that is left.</summary>
    public bool IsCompleted { get; private set; }

    /// <summary>Consumes <paramref name="count"/> bytes from the start of <see cref="Data"/>.</summary>
    public void Advance(int count) => _start += count;

    /// <summary>
    /// Reads more bytes after <see cref="Data"/>, growing the buffer when it is full.
    /// Returns <see langword="false"/> when the stream has ended.
    /// </summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (IsCompleted)
        {
            return false;
        }

        var length = _end - _start;
        if (length == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(length + 1, Math.Min(length * 2, _maxSize)));
            _buffer.AsSpan(_start, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
            _start = 0;
            _end = length;
        }
        else if (_start > 0)
        {
            // Keep the unconsumed bytes (part of one row) at the front so the free space is at the end.
            _buffer.AsSpan(_start, length).CopyTo(_buffer);
            _start = 0;
            _end = length;
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            IsCompleted = true;
            return false;
        }

        _end += read;
        return true;
    }

    /// <summary>Reads until <see cref="Data"/> holds at least <paramref name="count"/> bytes or the stream ends.</summary>
    public async ValueTask EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count && await FillAsync(cancellationToken).ConfigureAwait(false))
        {
        }
    }

    /// <summary>
    /// Discards bytes up to and including the next line break (<c>\n</c>, <c>\r\n</c>, and a lone
    /// <c>\r</c> when <paramref name="carriageReturnEndsLine"/>), or to the end of the stream.
    /// </summary>
    public async ValueTask SkipLineAsync(bool carriageReturnEndsLine, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lineBreak = carriageReturnEndsLine ? Data.IndexOfAny((byte)'\r', (byte)'\n') : Data.IndexOf((byte)'\n');
            if (lineBreak >= 0)
            {
                Advance(lineBreak);
                if (Data[0] == '\r')
                {
                    await EnsureAsync(2, cancellationToken).ConfigureAwait(false);
                    Advance(Data.Length > 1 && Data[1] == '\n' ? 2 : 1);
                }
                else
                {
                    Advance(1);
                }

                return;
            }

            Advance(_end - _start);
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = [];
        _start = _end = 0;
    }
}
