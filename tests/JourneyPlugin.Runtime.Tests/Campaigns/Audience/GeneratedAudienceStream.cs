using System.Globalization;
using System.Text;

namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

/// <summary>
/// A CSV audience of any number of distinct, valid customers, produced as it is read, so a test can
/// read millions of rows without the file ever existing in memory.
/// </summary>
internal sealed class GeneratedAudienceStream(long rows) : ForwardOnlyReadStream
{
    private const string Header = "phone,first_name,city,segment\n";

    private readonly StringBuilder _text = new(128);
    private byte[] _line = Encoding.UTF8.GetBytes(Header);
    private int _offset;
    private long _next;

    /// <summary>The phone number of customer <paramref name="index"/> (from 0): Vietnamese mobiles 8491xxxxxxx.</summary>
    public static string PhoneOf(long index) => (84910000000 + index).ToString(CultureInfo.InvariantCulture);

    /// <summary>Total bytes handed out.</summary>
    public long BytesProduced { get; private set; }

    protected override long BytesRead => BytesProduced;

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length)
        {
            if (_offset == _line.Length)
            {
                if (_next == rows)
                {
                    break;
                }

                _text.Clear()
                    .Append(PhoneOf(_next)).Append(",Customer ").Append(_next)
                    .Append(",\"Ha Noi, Viet Nam\",").Append(_next % 7 == 0 ? "vip" : "regular").Append("\r\n");
                _line = Encoding.UTF8.GetBytes(_text.ToString());
                _offset = 0;
                _next++;
            }

            var count = Math.Min(buffer.Length - written, _line.Length - _offset);
            _line.AsSpan(_offset, count).CopyTo(buffer[written..]);
            _offset += count;
            written += count;
        }

        BytesProduced += written;
        return written;
    }
}
