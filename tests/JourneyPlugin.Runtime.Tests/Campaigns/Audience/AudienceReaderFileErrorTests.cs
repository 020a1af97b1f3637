using System.Text;
using JourneyPlugin.Runtime.Campaigns.Audience;
using static JourneyPlugin.Runtime.Tests.Campaigns.Audience.AudienceTestReader;

namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

public sealed class AudienceReaderFileErrorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\r\n  \n")]
    public async Task An_empty_csv_file_fails(string file)
    {
        Assert.Equal("The audience file is empty.", await CsvFailureAsync(file));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \n\r\n")]
    public async Task An_empty_json_lines_file_fails(string file)
    {
        var e = await Assert.ThrowsAsync<AudienceFormatException>(() => JsonLinesAsync(file));

        Assert.Equal("The audience file is empty.", e.Message);
    }

    [Fact]
    public async Task A_file_without_a_header_fails_saying_the_first_row_looks_like_a_customer()
    {
        var e = await Assert.ThrowsAsync<AudienceFormatException>(() => CsvAsync("Nguyen An,84912345678\nTran Binh,84912345679\n"));

        Assert.Equal("Row 1 must be a header naming the columns, e.g. 'phone,name', but it looks like a customer ('84912345678').", e.Message);
        Assert.Equal(1, e.RowNumber);
    }

    [Fact]
    public async Task A_header_without_a_phone_column_fails_listing_the_columns()
    {
        Assert.Equal(
            "The header has no phone column: name it 'phone' (or 'phone_number', 'mobile', 'msisdn'). The columns are: name, tel, city.",
            await CsvFailureAsync("name,tel,city\nAn,84912345678,Hue\n"));
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("PHONE")]
    [InlineData(" Phone ")]
    [InlineData("phone_number")]
    [InlineData("Phone Number")]
    [InlineData("PhoneNumber")]
    [InlineData("phone-number")]
    [InlineData("mobile")]
    [InlineData("Mobile")]
    [InlineData("MSISDN")]
    public async Task Finds_the_phone_column_by_its_aliases_ignoring_case_and_separators(string header)
    {
        var row = Assert.Single(await CsvAsync($"name,{header}\nAn,84912345678\n"));

        Assert.True(row.IsValid, row.Error);
        Assert.Equal("84912345678", row.Phone);
    }

    [Theory]
    [InlineData("cell")]
    [InlineData("telephone")]
    [InlineData("phones")]
    public async Task Other_names_are_not_taken_for_the_phone(string header)
    {
        Assert.StartsWith("The header has no phone column", await CsvFailureAsync($"name,{header}\nAn,84912345678\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prefers_phone_over_the_other_aliases()
    {
        var row = Assert.Single(await CsvAsync("msisdn,mobile,phone_number,phone\n84912345671,84912345672,84912345673,84912345674\n"));

        Assert.Equal("84912345674", row.Phone);
    }

    [Fact]
    public async Task Prefers_mobile_over_msisdn()
    {
        var row = Assert.Single(await CsvAsync("msisdn,mobile\n84912345671,84912345672\n"));

        Assert.Equal("84912345672", row.Phone);
    }

    [Fact]
    public async Task The_phone_column_can_be_named_in_the_options()
    {
        var options = new AudienceReaderOptions { PhoneColumn = "Zalo" };

        var row = Assert.Single(await CsvAsync("phone,zalo\n84912345671,84912345672\n", options));

        Assert.Equal("84912345672", row.Phone);
    }

    [Fact]
    public async Task A_phone_column_named_in_the_options_must_exist()
    {
        var options = new AudienceReaderOptions { PhoneColumn = "zalo" };

        Assert.Equal(
            "The header has no column 'zalo', which the options name as the phone column.",
            await CsvFailureAsync("phone,name\n84912345678,An\n", options));
    }

    [Theory]
    [InlineData("phone,name,Name\n", "The header names 'Name' twice (columns 2 and 3).")]
    [InlineData("phone, city ,x,city\n", "The header names 'city' twice (columns 2 and 4).")]
    public async Task Duplicate_header_names_fail_ignoring_case(string file, string message)
    {
        Assert.Equal(message, await CsvFailureAsync(file + "84912345678,a,b,c\n"));
    }

    [Fact]
    public async Task An_unnamed_column_fails()
    {
        Assert.Equal("Column 3 of the header has no name.", await CsvFailureAsync("phone,name,,\n84912345678,An,,\n"));
    }

    [Fact]
    public async Task A_header_with_too_many_columns_fails()
    {
        var options = new AudienceReaderOptions { MaxColumns = 3 };

        Assert.Equal("The header has 4 columns; at most 3 are allowed.", await CsvFailureAsync("phone,a,b,c\n84912345678,1,2,3\n", options));
    }

    [Fact]
    public async Task A_header_longer_than_a_row_may_be_fails()
    {
        var options = new AudienceReaderOptions { MaxRowLength = 50 };

        Assert.Equal("The header row is longer than 50 bytes.", await CsvFailureAsync("phone," + new string('x', 60) + "\n84912345678,An\n", options));
    }

    [Fact]
    public async Task A_header_with_a_broken_quote_fails()
    {
        Assert.Equal(
            "The header row cannot be read: column 2 has text after its closing quote.",
            await CsvFailureAsync("phone,\"name\"x\n84912345678,An\n"));
    }

    [Fact]
    public async Task A_latin1_file_fails_as_not_utf8_at_the_header()
    {
        var bytes = Encoding.Latin1.GetBytes("phone,prénom\n84912345678,Zoé\n");

        var e = await Assert.ThrowsAsync<AudienceFormatException>(() => ReadAsync(bytes, AudienceFormat.Csv));

        Assert.Equal("The file is not UTF-8 text: row 1 has bytes that are not UTF-8. Save it as UTF-8 (in Excel: 'CSV UTF-8') and try again.", e.Message);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_in_a_later_row_fail_the_file_at_that_row_after_the_rows_before_it()
    {
        var bytes = Encoding.UTF8.GetBytes("phone,name\n84912345678,An\n84912345679,").Concat(Encoding.Latin1.GetBytes("Zoé\n84912345680,Chi\n")).ToArray();
        var read = new List<AudienceRow>();

        var e = await Assert.ThrowsAsync<AudienceFormatException>(async () =>
        {
            await foreach (var row in AudienceReader.ReadAsync(new MemoryStream(bytes), AudienceFormat.Csv))
            {
                read.Add(row);
            }
        });

        Assert.Equal(3, e.RowNumber);
        Assert.StartsWith("The file is not UTF-8 text: row 3 has bytes", e.Message, StringComparison.Ordinal);
        Assert.Equal(["2 ok 84912345678"], Summary(read));
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_fail_a_json_lines_file()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"phone\":\"84912345678\"}\n{\"phone\":\"84912345679\",\"name\":\"").Concat(Encoding.Latin1.GetBytes("Zoé\"}\n")).ToArray();

        var e = await Assert.ThrowsAsync<AudienceFormatException>(() => ReadAsync(bytes, AudienceFormat.JsonLines));

        Assert.Equal(2, e.RowNumber);
        Assert.StartsWith("The file is not UTF-8 text: row 2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AudienceFormat.Csv)]
    [InlineData(AudienceFormat.JsonLines)]
    public async Task A_utf16_file_fails(AudienceFormat format)
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("phone\n84912345678\n")).ToArray();

        var e = await Assert.ThrowsAsync<AudienceFormatException>(() => ReadAsync(bytes, format));

        Assert.Equal("The file is UTF-16 text; save it as UTF-8 (in Excel: 'CSV UTF-8') and try again.", e.Message);
    }

    [Fact]
    public async Task A_utf16_file_without_a_byte_order_mark_fails_as_not_utf8()
    {
        var bytes = Encoding.Unicode.GetBytes("phone\n84912345678\n");

        var e = await Assert.ThrowsAsync<AudienceFormatException>(() => ReadAsync(bytes, AudienceFormat.Csv));

        Assert.StartsWith("The file is not UTF-8 text: row 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_value_is_refused_when_called()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AudienceReader.ReadAsync(new MemoryStream(), (AudienceFormat)7));
    }

    [Fact]
    public void A_null_stream_is_refused_when_called()
    {
        Assert.Throws<ArgumentNullException>(() => AudienceReader.ReadAsync(null!, AudienceFormat.Csv));
    }
}
