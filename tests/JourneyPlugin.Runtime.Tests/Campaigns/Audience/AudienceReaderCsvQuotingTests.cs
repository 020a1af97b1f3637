using static JourneyPlugin.Runtime.Tests.Campaigns.Audience.AudienceTestReader;

namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

public sealed class AudienceReaderCsvQuotingTests
{
    [Fact]
    public async Task Quoted_values_hold_separators_doubled_quotes_and_line_breaks()
    {
        const string file =
            "phone,name,note\r\n" +
            "84912345678,\"Nguyen, An\",\"He said \"\"hi\"\"\"\r\n" +
            "\"84912345679\",\"Line 1\r\nLine 2\nLine 3\",\"\"\r\n" +
            "84912345680,Chi,\"\"\"quoted\"\"\"\r\n";

        var rows = await CsvAsync(file);

        // A value with line breaks inside quotes is one spreadsheet row: Chi is row 4.
        Assert.Equal(["2 ok 84912345678", "3 ok 84912345679", "4 ok 84912345680"], Summary(rows));
        Assert.Equal("Nguyen, An", Value(rows[0], "name"));
        Assert.Equal("He said \"hi\"", Value(rows[0], "note"));
        Assert.Equal("Line 1\r\nLine 2\nLine 3", Value(rows[1], "name"));
        Assert.Equal(string.Empty, Value(rows[1], "note"));
        Assert.Equal("\"quoted\"", Value(rows[2], "note"));
    }

    [Fact]
    public async Task Spaces_around_a_quoted_value_are_ignored()
    {
        var row = Assert.Single(await CsvAsync("phone,name,city\n84912345678,  \"Nguyen, An\"  , Hue\n"));

        Assert.True(row.IsValid, row.Error);
        Assert.Equal("Nguyen, An", Value(row, "name"));
        Assert.Equal("Hue", Value(row, "city"));
    }

    [Fact]
    public async Task A_quote_inside_an_unquoted_value_is_kept_as_a_character()
    {
        var row = Assert.Single(await CsvAsync("phone,height,nick\n84912345678,5'10\" tall,An \"Ace\" Nguyen\n"));

        Assert.True(row.IsValid, row.Error);
        Assert.Equal("5'10\" tall", Value(row, "height"));
        Assert.Equal("An \"Ace\" Nguyen", Value(row, "nick"));
    }

    [Fact]
    public async Task An_empty_last_value_counts_as_a_column()
    {
        var row = Assert.Single(await CsvAsync("phone,name,city\n84912345678,An,\n"));

        Assert.True(row.IsValid, row.Error);
        Assert.Equal(string.Empty, Value(row, "city"));
    }

    [Fact]
    public async Task Text_after_a_closing_quote_fails_the_row_and_the_next_row_is_read()
    {
        var rows = await CsvAsync("phone,name,city\n84912345678,\"An\"x,Hue\n84912345679,Binh,Hue\n");

        Assert.Equal(["2 row 2: column 2 has text after its closing quote", "3 ok 84912345679"], Summary(rows));
    }

    [Fact]
    public async Task A_quote_never_closed_fails_its_row()
    {
        var rows = await CsvAsync("phone,name\n84912345679,Binh\n84912345678,\"An\n84912345680,Chi\n");

        Assert.Equal(["2 ok 84912345679", "3 row 3: a quoted value is not closed"], Summary(rows));
    }

    [Fact]
    public async Task A_quote_left_open_costs_one_row_when_the_rest_of_the_file_is_longer_than_a_row()
    {
        var file = "phone,name\n84912345678,\"An\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"849123457{i:00},Customer {i}\n"));

        var rows = await CsvAsync(file, new() { MaxRowLength = 100 });

        Assert.Equal("2 row 2: longer than 100 bytes; is a quote left open?", Summary(rows)[0]);
        Assert.Equal(21, rows.Count);
        Assert.All(rows.Skip(1), row => Assert.True(row.IsValid, row.Error));
        Assert.Equal(22, rows[^1].RowNumber);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public async Task Gives_the_same_rows_however_the_stream_splits_its_reads(int chunkSize)
    {
        const string file =
            "\uFEFFphone;tên;ghi chú\r\n" +
            "84912345678;\"Nguyễn; Văn \"\"Ân\"\"\";\"dòng 1\r\ndòng 2\"\r\n" +
            "\r\n" +
            "0912345678;Bình;\r" +
            "84912345679;\"Chí\"x;y\n" +
            "84912345680;Đức;\"\"\n" +
            "84912345681;\"Giang";

        var expected = await CsvAsync(file);
        var actual = await CsvAsync(file, chunkSize: chunkSize);

        Assert.Equal(5, expected.Count);
        Assert.Equal(Summary(expected), Summary(actual));
        Assert.Equal(expected.Select(r => r.Attributes.ToJsonString()), actual.Select(r => r.Attributes.ToJsonString()));
        Assert.Equal("Nguyễn; Văn \"Ân\"", Value(actual[0], "tên"));
        Assert.Equal("dòng 1\r\ndòng 2", Value(actual[0], "ghi chú"));
    }

    private static string Value(Runtime.Campaigns.Audience.AudienceRow row, string column) =>
        row.Attributes[column]!.GetValue<string>();
}
