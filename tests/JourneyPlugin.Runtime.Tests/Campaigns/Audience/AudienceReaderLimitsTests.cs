using JourneyPlugin.Runtime.Campaigns.Audience;
using static JourneyPlugin.Runtime.Tests.Campaigns.Audience.AudienceTestReader;

namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

public sealed class AudienceReaderLimitsTests
{
    private static readonly AudienceReaderOptions Short = new() { MaxRowLength = 40 };

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(int.MaxValue)]
    public async Task A_csv_row_longer_than_the_limit_fails_and_reading_goes_on_at_the_next_line(int chunkSize)
    {
        var file = "phone,note\n84912345678,short\n84912345679," + new string('x', 500) + "\n84912345680,short\n";

        var rows = await CsvAsync(file, Short, chunkSize);

        Assert.Equal(["2 ok 84912345678", "3 row 3: longer than 40 bytes", "4 ok 84912345680"], Summary(rows));
    }

    [Theory]
    [InlineData(27, true)]
    [InlineData(28, true)]
    [InlineData(29, false)]
    public async Task The_limit_counts_the_utf8_bytes_of_a_row_without_its_line_break(int noteBytes, bool fits)
    {
        // "84912345679," is 12 bytes and each 'é' two, so the row is 39, 40 or 41 bytes.
        var note = new string('é', noteBytes / 2) + new string('x', noteBytes % 2);
        var file = $"phone,note\r\n84912345679,{note}\r\n84912345680,x\r\n";

        var rows = await CsvAsync(file, Short, chunkSize: 3);

        Assert.Equal([fits ? "2 ok 84912345679" : "2 row 2: longer than 40 bytes", "3 ok 84912345680"], Summary(rows));
    }

    [Fact]
    public async Task A_long_last_row_without_a_line_break_fails()
    {
        var rows = await CsvAsync("phone,note\n84912345678,short\n84912345679," + new string('x', 500), Short);

        Assert.Equal(["2 ok 84912345678", "3 row 3: longer than 40 bytes"], Summary(rows));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(int.MaxValue)]
    public async Task A_json_line_longer_than_the_limit_fails_and_reading_goes_on_at_the_next_line(int chunkSize)
    {
        var file = "{\"phone\":\"84912345678\"}\n{\"phone\":\"84912345679\",\"note\":\"" + new string('x', 500) + "\"}\n{\"phone\":\"84912345680\"}";

        var rows = await JsonLinesAsync(file, Short, chunkSize);

        Assert.Equal(["1 ok 84912345678", "2 row 2: longer than 40 bytes", "3 ok 84912345680"], Summary(rows));
    }

    [Fact]
    public async Task A_row_far_longer_than_the_buffer_is_skipped_without_holding_it()
    {
        var file = "phone,note\n84912345679," + new string('x', 5_000_000) + "\n84912345680,short\n";

        var rows = await CsvAsync(file);

        Assert.Equal(["2 row 2: longer than 65536 bytes", "3 ok 84912345680"], Summary(rows));
    }

    [Theory]
    [InlineData(AudienceFormat.Csv, 1000)]
    [InlineData(AudienceFormat.Csv, int.MaxValue)]
    [InlineData(AudienceFormat.JsonLines, 1000)]
    [InlineData(AudienceFormat.JsonLines, int.MaxValue)]
    public async Task A_row_longer_than_the_initial_buffer_is_read_whole_when_the_limit_allows(AudienceFormat format, int chunkSize)
    {
        var note = string.Concat(Enumerable.Repeat("Hà Nội, ", 30_000));
        var text = format == AudienceFormat.Csv
            ? $"phone,note\n84912345678,\"{note}\"\n84912345679,x\n"
            : $"{{\"phone\":\"84912345678\",\"note\":\"{note}\"}}\n{{\"phone\":\"84912345679\"}}\n";

        var rows = await ReadAsync(System.Text.Encoding.UTF8.GetBytes(text), format, new() { MaxRowLength = 1024 * 1024 }, chunkSize);

        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.True(row.IsValid, row.Error));
        Assert.Equal(note.Trim(), rows[0].Attributes["note"]!.GetValue<string>().Trim());
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(300_000_000, 10)]
    [InlineData(100, 0)]
    public void Options_out_of_range_are_refused_when_called(int maxRowLength, int maxColumns)
    {
        var options = new AudienceReaderOptions { MaxRowLength = maxRowLength, MaxColumns = maxColumns };

        Assert.Throws<ArgumentOutOfRangeException>(() => AudienceReader.ReadAsync(new MemoryStream(), AudienceFormat.Csv, options));
    }

    [Fact]
    public void A_blank_phone_column_option_is_refused_when_called()
    {
        Assert.Throws<ArgumentException>(() => AudienceReader.ReadAsync(new MemoryStream(), AudienceFormat.Csv, new() { PhoneColumn = " " }));
    }
}
