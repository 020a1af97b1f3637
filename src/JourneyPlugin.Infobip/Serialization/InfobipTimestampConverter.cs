using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace JourneyPlugin.Infobip.Serialization;

/// <summary>
/// Reads and writes timestamps in Infobip's format, e.g. <c>2019-04-09T16:01:56.494-0300</c>.
/// </summary>
/// <remarks>
/// Infobip writes the UTC offset without a colon, which the default System.Text.Json converter rejects.
/// Reading accepts <c>-0300</c>, <c>-03:00</c> and <c>Z</c> offsets with 0–7 fraction digits; writing
/// always produces Infobip's own form (<c>yyyy-MM-ddTHH:mm:ss.fff+hhmm</c>), keeping the value's offset.
/// </remarks>
public sealed class InfobipTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>What a timestamp must look like, for error messages.</summary>
    internal const string ExpectedShape = "yyyy-MM-ddTHH:mm:ss[.fffffff] followed by an offset such as -0300, -03:00 or Z";

    // yyyy-MM-ddTHH:mm:ss.fff+hhmm
    private const int FormattedLength = 28;

    // The longest accepted text is 33 chars (7 fraction digits, colon offset); JSON escapes can make the
    // encoded token up to six bytes per char, so anything longer than this cannot be a timestamp.
    private const int MaxEncodedLength = 33 * 6;

    private const long MaxOffsetMinutes = 14 * 60;

    /// <summary>
    /// Formats <paramref name="value"/> the way Infobip does: <c>yyyy-MM-ddTHH:mm:ss.fff+hhmm</c> in the
    /// value's own offset. Precision below a millisecond is truncated.
    /// </summary>
    public static string Format(DateTimeOffset value) =>
        string.Create(FormattedLength, value, static (destination, v) => FormatInto(destination, v));

    /// <summary>
    /// Parses an Infobip timestamp: <c>yyyy-MM-ddTHH:mm:ss</c>, optionally <c>.</c> and 1–7 fraction
    /// digits, then <c>Z</c>, <c>±hhmm</c> or <c>±hh:mm</c>. Nothing else (no spaces, no missing offset).
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DateTimeOffset value)
    {
        if (text is null)
        {
            value = default;
            return false;
        }

        return TryParse(text.AsSpan(), out value);
    }

    /// <inheritdoc cref="TryParse(string?, out DateTimeOffset)"/>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;

        // The fixed part: yyyy-MM-ddTHH:mm:ss
        if (text.Length < 20
            || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':'
            || !TryReadDigits(text[..4], out var year)
            || !TryReadDigits(text.Slice(5, 2), out var month)
            || !TryReadDigits(text.Slice(8, 2), out var day)
            || !TryReadDigits(text.Slice(11, 2), out var hour)
            || !TryReadDigits(text.Slice(14, 2), out var minute)
            || !TryReadDigits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var rest = text[19..];
        long fractionTicks = 0;
        if (rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            digits--;
            if (digits is 0 or > 7 || !TryReadDigits(rest.Slice(1, digits), out var fraction))
            {
                return false;
            }

            fractionTicks = fraction;
            for (var i = digits; i < 7; i++)
            {
                fractionTicks *= 10;
            }

            rest = rest[(digits + 1)..];
        }

        if (!TryReadOffset(rest, out var offsetMinutes))
        {
            return false;
        }

        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var localTicks = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks;
        var utcTicks = localTicks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(localTicks, offset);
        return true;
    }

    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new InfobipJsonException(
                $"expected an Infobip timestamp ({ExpectedShape}), found {JsonValueText.Describe(ref reader)}");
        }

        var encodedLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (encodedLength <= MaxEncodedLength)
        {
            Span<char> buffer = stackalloc char[MaxEncodedLength];
            var length = reader.CopyString(buffer);
            if (TryParse(buffer[..length], out var value))
            {
                return value;
            }
        }

        throw new InfobipJsonException(
            $"{JsonValueText.Describe(ref reader)} is not an Infobip timestamp (expected {ExpectedShape})");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // Written raw because the default encoder would escape '+' as \u002B, and Infobip's format is
        // plain ASCII that needs no escaping.
        Span<char> text = stackalloc char[FormattedLength];
        FormatInto(text, value);
        Span<byte> json = stackalloc byte[FormattedLength + 2];
        json[0] = (byte)'"';
        for (var i = 0; i < text.Length; i++)
        {
            json[i + 1] = (byte)text[i];
        }

        json[^1] = (byte)'"';
        writer.WriteRawValue(json, skipInputValidation: true);
    }

    private static void FormatInto(Span<char> destination, DateTimeOffset value)
    {
        // Written by hand so neither culture nor calendar can change the output.
        var clock = value.DateTime;
        WriteDigits(destination[..4], clock.Year);
        destination[4] = '-';
        WriteDigits(destination.Slice(5, 2), clock.Month);
        destination[7] = '-';
        WriteDigits(destination.Slice(8, 2), clock.Day);
        destination[10] = 'T';
        WriteDigits(destination.Slice(11, 2), clock.Hour);
        destination[13] = ':';
        WriteDigits(destination.Slice(14, 2), clock.Minute);
        destination[16] = ':';
        WriteDigits(destination.Slice(17, 2), clock.Second);
        destination[19] = '.';
        WriteDigits(destination.Slice(20, 3), clock.Millisecond);

        var offsetMinutes = (int)(value.Offset.Ticks / TimeSpan.TicksPerMinute);
        destination[23] = offsetMinutes < 0 ? '-' : '+';
        offsetMinutes = Math.Abs(offsetMinutes);
        WriteDigits(destination.Slice(24, 2), offsetMinutes / 60);
        WriteDigits(destination.Slice(26, 2), offsetMinutes % 60);
    }

    private static bool TryReadOffset(ReadOnlySpan<char> text, out int minutes)
    {
        minutes = 0;
        if (text is "Z")
        {
            return true;
        }

        if (text.Length is not (5 or 6) || text[0] is not ('+' or '-'))
        {
            return false;
        }

        var minuteDigits = text.Length == 5 ? text[3..] : text[3] == ':' ? text[4..] : default;
        if (minuteDigits.Length != 2
            || !TryReadDigits(text.Slice(1, 2), out var hours)
            || !TryReadDigits(minuteDigits, out var extraMinutes)
            || extraMinutes > 59)
        {
            return false;
        }

        minutes = (hours * 60) + extraMinutes;
        if (minutes > MaxOffsetMinutes)
        {
            return false;
        }

        if (text[0] == '-')
        {
            minutes = -minutes;
        }

        return true;
    }

    private static bool TryReadDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static void WriteDigits(Span<char> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
