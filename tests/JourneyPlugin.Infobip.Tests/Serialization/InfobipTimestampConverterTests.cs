using System.Text.Json;
using JourneyPlugin.Infobip.Serialization;

namespace JourneyPlugin.Infobip.Tests.Serialization;

public sealed class InfobipTimestampConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new InfobipTimestampConverter() } };

    [Fact]
    public void Parses_infobip_colonless_offset_to_the_exact_instant()
    {
        Assert.True(InfobipTimestampConverter.TryParse("2019-04-09T16:01:56.494-0300", out var value));

        Assert.Equal(new DateTimeOffset(2019, 4, 9, 16, 1, 56, 494, TimeSpan.FromHours(-3)), value);
        Assert.Equal(TimeSpan.FromHours(-3), value.Offset);
        Assert.Equal(new DateTime(2019, 4, 9, 19, 1, 56, 494, DateTimeKind.Utc), value.UtcDateTime);
    }

    [Theory]
    [InlineData("2019-04-09T16:01:56.494-0300")]
    [InlineData("2025-01-01T10:10:00.000+0000")]
    [InlineData("2024-02-29T23:59:59.999+0530")]
    [InlineData("2024-06-30T00:00:00.001-0930")]
    [InlineData("0001-01-01T14:00:00.000+1400")]
    [InlineData("9999-12-31T09:59:59.999-1400")]
    public void Formatting_a_parsed_infobip_timestamp_gives_the_same_text(string text)
    {
        Assert.True(InfobipTimestampConverter.TryParse(text, out var value));

        Assert.Equal(text, InfobipTimestampConverter.Format(value));
    }

    [Fact]
    public void Parses_plus_zero_offset_as_utc()
    {
        Assert.True(InfobipTimestampConverter.TryParse("2025-01-01T10:10:00.000+0000", out var value));

        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(new DateTime(2025, 1, 1, 10, 10, 0, DateTimeKind.Utc), value.UtcDateTime);
    }

    [Fact]
    public void Parses_z_as_utc()
    {
        Assert.True(InfobipTimestampConverter.TryParse("2025-01-01T10:10:00.123Z", out var value));

        Assert.Equal(new DateTimeOffset(2025, 1, 1, 10, 10, 0, 123, TimeSpan.Zero), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("2019-04-09T16:01:56.494-03:00", -180)]
    [InlineData("2019-04-09T16:01:56.494+05:30", 330)]
    [InlineData("2019-04-09T16:01:56.494+00:00", 0)]
    [InlineData("2019-04-09T16:01:56.494-00:00", 0)]
    [InlineData("2019-04-09T16:01:56.494+14:00", 840)]
    public void Parses_offsets_with_a_colon(string text, int offsetMinutes)
    {
        Assert.True(InfobipTimestampConverter.TryParse(text, out var value));

        Assert.Equal(new DateTimeOffset(2019, 4, 9, 16, 1, 56, 494, TimeSpan.FromMinutes(offsetMinutes)), value);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);
    }

    [Theory]
    [InlineData("2019-04-09T16:01:56-0300")]
    [InlineData("2019-04-09T16:01:56-03:00")]
    public void Parses_timestamps_without_a_fraction(string text)
    {
        Assert.True(InfobipTimestampConverter.TryParse(text, out var value));

        Assert.Equal(new DateTimeOffset(2019, 4, 9, 16, 1, 56, TimeSpan.FromHours(-3)), value);
    }

    [Fact]
    public void Parses_z_without_a_fraction()
    {
        Assert.True(InfobipTimestampConverter.TryParse("2019-04-09T16:01:56Z", out var value));

        Assert.Equal(new DateTimeOffset(2019, 4, 9, 16, 1, 56, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("2019-04-09T16:01:56.4Z", 4_000_000)]
    [InlineData("2019-04-09T16:01:56.49Z", 4_900_000)]
    [InlineData("2019-04-09T16:01:56.494Z", 4_940_000)]
    [InlineData("2019-04-09T16:01:56.4941Z", 4_941_000)]
    [InlineData("2019-04-09T16:01:56.49412Z", 4_941_200)]
    [InlineData("2019-04-09T16:01:56.494123Z", 4_941_230)]
    [InlineData("2019-04-09T16:01:56.4941234Z", 4_941_234)]
    [InlineData("2019-04-09T16:01:56.0000001+0000", 1)]
    public void Parses_one_to_seven_fraction_digits_exactly(string text, long fractionTicks)
    {
        Assert.True(InfobipTimestampConverter.TryParse(text, out var value));

        Assert.Equal(new DateTimeOffset(2019, 4, 9, 16, 1, 56, TimeSpan.Zero).AddTicks(fractionTicks), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2019-04-09")]
    [InlineData("2019-04-09T16:01:56.494")] // no offset
    [InlineData("2019-04-09T16:01:56")] // no offset
    [InlineData("2019-13-09T16:01:56.494-0300")] // month 13
    [InlineData("2019-00-09T16:01:56.494-0300")] // month 0
    [InlineData("2019-04-31T16:01:56.494-0300")] // 31 April
    [InlineData("2019-02-29T16:01:56.494-0300")] // not a leap year
    [InlineData("2019-04-00T16:01:56.494-0300")] // day 0
    [InlineData("0000-04-09T16:01:56.494-0300")] // year 0
    [InlineData("2019-04-09T24:00:00.000-0300")] // hour 24
    [InlineData("2019-04-09T16:60:56.494-0300")]
    [InlineData("2019-04-09T16:01:60.494-0300")] // no leap seconds
    [InlineData("2019-04-09T16:01:56.-0300")] // point without digits
    [InlineData("2019-04-09T16:01:56.49412345-0300")] // eight fraction digits
    [InlineData("2019-04-09T16:01:56.494-03")]
    [InlineData("2019-04-09T16:01:56.494-030")]
    [InlineData("2019-04-09T16:01:56.494-03:0")]
    [InlineData("2019-04-09T16:01:56.494-03000")]
    [InlineData("2019-04-09T16:01:56.494 -0300")]
    [InlineData("2019-04-09T16:01:56.494-0360")] // offset minutes 60
    [InlineData("2019-04-09T16:01:56.494+1401")] // beyond ±14h
    [InlineData("2019-04-09T16:01:56.494z")]
    [InlineData("2019-04-09 16:01:56.494-0300")]
    [InlineData("2019-04-09t16:01:56.494-0300")]
    [InlineData("2019/04/09T16:01:56.494-0300")]
    [InlineData("2019-4-09T16:01:56.494-0300")]
    [InlineData("+019-04-09T16:01:56.494-0300")]
    [InlineData(" 2019-04-09T16:01:56.494-0300")]
    [InlineData("2019-04-09T16:01:56.494-0300 ")]
    [InlineData("0001-01-01T00:00:00.000+0100")] // before DateTimeOffset.MinValue in UTC
    [InlineData("9999-12-31T23:59:59.999-0100")] // after DateTimeOffset.MaxValue in UTC
    [InlineData("2019-04-09T16:01:56.494-0300\u0000")]
    [InlineData("２０19-04-09T16:01:56.494-0300")] // non-ASCII digits
    public void Rejects_text_that_is_not_an_infobip_timestamp(string text)
    {
        Assert.False(InfobipTimestampConverter.TryParse(text, out var value));
        Assert.Equal(default, value);
    }

    [Fact]
    public void Rejects_null()
    {
        Assert.False(InfobipTimestampConverter.TryParse((string?)null, out _));
    }

    [Fact]
    public void Formats_in_infobip_format_keeping_the_offset()
    {
        var value = new DateTimeOffset(2019, 4, 9, 16, 1, 56, 494, TimeSpan.FromHours(-3));

        Assert.Equal("2019-04-09T16:01:56.494-0300", InfobipTimestampConverter.Format(value));
    }

    [Fact]
    public void Formats_utc_as_plus_zero()
    {
        var value = new DateTimeOffset(2025, 1, 1, 10, 10, 0, TimeSpan.Zero);

        Assert.Equal("2025-01-01T10:10:00.000+0000", InfobipTimestampConverter.Format(value));
    }

    [Fact]
    public void Formats_negative_offsets_with_minutes()
    {
        var value = new DateTimeOffset(2025, 1, 1, 10, 10, 0, 7, new TimeSpan(-9, -30, 0));

        Assert.Equal("2025-01-01T10:10:00.007-0930", InfobipTimestampConverter.Format(value));
    }

    [Fact]
    public void Formatting_truncates_below_a_millisecond()
    {
        var value = new DateTimeOffset(2025, 1, 1, 10, 10, 0, 999, TimeSpan.Zero).AddTicks(9_999);

        Assert.Equal("2025-01-01T10:10:00.999+0000", InfobipTimestampConverter.Format(value));
    }

    [Fact]
    public void Formatting_ignores_the_current_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            // Thai culture uses the Buddhist calendar, which would print year 2562.
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("th-TH");

            Assert.Equal(
                "2019-04-09T16:01:56.494-0300",
                InfobipTimestampConverter.Format(new DateTimeOffset(2019, 4, 9, 16, 1, 56, 494, TimeSpan.FromHours(-3))));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Format_then_parse_round_trips_millisecond_values()
    {
        var random = new Random(20190409);
        for (var i = 0; i < 1_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
            ticks -= ticks % TimeSpan.TicksPerMillisecond;
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, (14 * 60) + 1));
            var value = new DateTimeOffset(ticks, offset);

            var text = InfobipTimestampConverter.Format(value);

            Assert.True(InfobipTimestampConverter.TryParse(text, out var parsed), text);
            Assert.Equal(value, parsed);
            Assert.Equal(value.Offset, parsed.Offset);
        }
    }

    [Fact]
    public void Reads_json_string_property()
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>("\"2019-04-09T16:01:56.494-0300\"", Options);

        Assert.Equal(new DateTimeOffset(2019, 4, 9, 16, 1, 56, 494, TimeSpan.FromHours(-3)), value);
    }

    [Fact]
    public void Reads_json_with_escaped_characters()
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>("\"\\u0032019-04-09T16:01:56.494\\u002B0300\"", Options);

        Assert.Equal(new DateTimeOffset(2019, 4, 9, 16, 1, 56, 494, TimeSpan.FromHours(3)), value);
    }

    [Fact]
    public void Reads_nullable_values_and_null()
    {
        Assert.Null(JsonSerializer.Deserialize<DateTimeOffset?>("null", Options));
        Assert.Equal(
            new DateTimeOffset(2025, 1, 1, 10, 10, 0, TimeSpan.Zero),
            JsonSerializer.Deserialize<DateTimeOffset?>("\"2025-01-01T10:10:00.000+0000\"", Options));
    }

    [Fact]
    public void Writes_infobip_format()
    {
        var json = JsonSerializer.Serialize(new DateTimeOffset(2019, 4, 9, 16, 1, 56, 494, TimeSpan.FromHours(-3)), Options);

        Assert.Equal("\"2019-04-09T16:01:56.494-0300\"", json);
    }

    [Fact]
    public void Writes_a_plus_sign_unescaped()
    {
        var json = JsonSerializer.Serialize(new DateTimeOffset(2025, 1, 1, 10, 10, 0, TimeSpan.Zero), Options);

        Assert.Equal("\"2025-01-01T10:10:00.000+0000\"", json);
    }

    [Fact]
    public void Writes_inside_objects_and_arrays()
    {
        DateTimeOffset[] values = [new(2025, 1, 1, 10, 10, 0, TimeSpan.FromHours(5.5)), new(2019, 4, 9, 16, 1, 56, 494, TimeSpan.FromHours(-3))];

        var json = JsonSerializer.Serialize(new { at = values }, Options);

        Assert.Equal("""{"at":["2025-01-01T10:10:00.000+0530","2019-04-09T16:01:56.494-0300"]}""", json);
    }

    [Fact]
    public void Bad_timestamp_throws_json_exception_saying_what_was_expected()
    {
        var e = Assert.ThrowsAny<JsonException>(
            () => JsonSerializer.Deserialize<DateTimeOffset>("\"2019-13-09T16:01:56.494-0300\"", Options));

        Assert.StartsWith("'2019-13-09T16:01:56.494-0300' is not an Infobip timestamp (expected yyyy-MM-ddTHH:mm:ss", e.Message, StringComparison.Ordinal);
        Assert.Contains("-0300, -03:00 or Z", e.Message, StringComparison.Ordinal);
        Assert.Equal("$", e.Path);
    }

    [Theory]
    [InlineData("1554836516494", "found 1554836516494")]
    [InlineData("true", "found true")]
    [InlineData("{}", "found an object")]
    [InlineData("[]", "found an array")]
    [InlineData("null", "found null")]
    public void Non_string_throws_json_exception_saying_what_was_found(string json, string found)
    {
        var e = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, Options));

        Assert.StartsWith("expected an Infobip timestamp (yyyy-MM-ddTHH:mm:ss", e.Message, StringComparison.Ordinal);
        Assert.EndsWith(found, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_long_string_is_rejected_with_a_short_message()
    {
        var json = "\"" + new string('9', 5_000) + "\"";

        var e = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>(json, Options));

        Assert.Contains("...' is not an Infobip timestamp", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Length < 200, e.Message);
    }
}
