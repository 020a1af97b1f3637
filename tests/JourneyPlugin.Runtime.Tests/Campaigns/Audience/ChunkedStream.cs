namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

/// <summary>
/// A read-only stream over bytes that hands out at most <c>chunkSize</c> bytes per read, as a
/// network stream may, so rows, quotes, line breaks and UTF-8 characters get split across reads.
/// </summary>
internal sealed class ChunkedStream(byte[] bytes, int chunkSize) : ForwardOnlyReadStream
{
    private int _position;

    protected override long BytesRead => _position;

    /// <summary>How many reads were served.</summary>
    public int Reads { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        Reads++;
        var count = Math.Min(Math.Min(buffer.Length, chunkSize), bytes.Length - _position);
        bytes.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
