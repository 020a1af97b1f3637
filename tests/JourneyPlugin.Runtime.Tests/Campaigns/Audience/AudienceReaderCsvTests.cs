using System.Text;
using JourneyPlugin.Runtime.Campaigns.Audience;
using static JourneyPlugin.Runtime.Tests.Campaigns.Audience.AudienceTestReader;

namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

public sealed class AudienceReaderCsvTests
{
    private const string NoCountryCode = "has no country code (a national number starting with 0); write it with the country code, e.g. 84912345678";

    [Fact]
    public async Task Reads_customers_with_normalised_phones_and_every_column_as_a_trimmed_string()
    {
        var rows = await CsvAsync("phone,name,city\n84912345678,An,Hanoi\n+84 912 345 679 ,  Binh , Ho Chi Minh \n");

        Assert.Collection(
            rows,
            row =>
            {
                Assert.Equal(2, row.RowNumber);
                Assert.True(row.IsValid);
                Assert.Null(row.Error);
                Assert.Equal("84912345678", row.Phone);
                Assert.Equal("84912345678", row.CustomerKey);
                Assert.Equal("""{"phone":"84912345678","name":"An","city":"Hanoi"}""", Json(row.Attributes));
            },
            row =>
            {
                Assert.Equal(3, row.RowNumber);
                Assert.Equal("84912345679", row.Phone);
                Assert.Equal("""{"phone":"+84 912 345 679","name":"Binh","city":"Ho Chi Minh"}""", Json(row.Attributes));
            });
    }

    [Fact]
    public async Task Yields_good_and_bad_rows_in_file_order_with_the_spreadsheet_row_number_on_each_error()
    {
        const string file = """
            phone,name
            84912345678,An
            0912 345,Binh

            84912345679,Chi,extra
            ,Dung
            +84 112 345 678,Em
            84912345678,An again
            84912345680
            84912345681,Giang
            """;

        var rows = await CsvAsync(file);

        Assert.Equal(
            [
                "2 ok 84912345678",
                $"3 row 3: phone '0912 345' {NoCountryCode}",
                "5 row 5: has 3 values but the header has 2 columns",
                "6 row 6: no phone",
                "7 row 7: phone '+84 112 345 678' is not a valid number for country code 84",
                "8 row 8: duplicate of row 2 (customer 84912345678)",
                "9 row 9: has 1 value but the header has 2 columns",
                "10 ok 84912345681",
            ],
            Summary(rows));
    }

    [Fact]
    public async Task A_row_with_a_bad_phone_keeps_its_profile_for_the_report()
    {
        var row = Assert.Single(await CsvAsync("phone,name\n0912345678,An\n"));

        Assert.False(row.IsValid);
        Assert.Null(row.Phone);
        Assert.Equal("An", row.Attributes["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_malformed_row_has_an_empty_profile()
    {
        var row = Assert.Single(await CsvAsync("phone,name\n84912345678,An,x\n"));

        Assert.False(row.IsValid);
        Assert.Null(row.Phone);
        Assert.Empty(row.Attributes);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task Accepts_every_line_break(string lineBreak)
    {
        var file = string.Join(lineBreak, "phone,name", "84912345678,An", "84912345679,Binh") + lineBreak;

        var rows = await CsvAsync(file);

        Assert.Equal(["2 ok 84912345678", "3 ok 84912345679"], Summary(rows));
        Assert.Equal("Binh", rows[1].Attributes["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Skips_a_utf8_byte_order_mark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("phone,tên\n84912345678,Đức\n")).ToArray();

        var row = Assert.Single(await ReadAsync(bytes, AudienceFormat.Csv));

        Assert.Equal("84912345678", row.Phone);
        Assert.Equal("""{"phone":"84912345678","tên":"Đức"}""", Json(row.Attributes));
    }

    [Fact]
    public async Task Detects_a_semicolon_separated_file_from_its_header()
    {
        var row = Assert.Single(await CsvAsync("phone;name;note\n84912345678;Nguyen, An;\"a;b\"\n"));

        Assert.True(row.IsValid, row.Error);
        Assert.Equal("Nguyen, An", row.Attributes["name"]!.GetValue<string>());
        Assert.Equal("a;b", row.Attributes["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Detects_a_tab_separated_file_from_its_header()
    {
        var row = Assert.Single(await CsvAsync("phone\tname\tnote\n84912345678\tNguyen, An\ta;b\n"));

        Assert.True(row.IsValid, row.Error);
        Assert.Equal("Nguyen, An", row.Attributes["name"]!.GetValue<string>());
        Assert.Equal("a;b", row.Attributes["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Separators_inside_quoted_header_names_do_not_decide_the_separator()
    {
        var row = Assert.Single(await CsvAsync("phone,\"name; full\",\"a;b;c\"\n84912345678,An,x\n"));

        Assert.True(row.IsValid, row.Error);
        Assert.Equal("An", row.Attributes["name; full"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reads_a_single_column_file()
    {
        var rows = await CsvAsync("Phone\n84912345678\n84912345679");

        Assert.Equal(["2 ok 84912345678", "3 ok 84912345679"], Summary(rows));
    }

    [Theory]
    [InlineData("phone\n84912345678\n")]
    [InlineData("phone\n84912345678\n\n")]
    [InlineData("phone\n84912345678\n\n\n   \n")]
    [InlineData("phone\n84912345678")]
    public async Task Ignores_trailing_empty_lines(string file)
    {
        Assert.Equal(["2 ok 84912345678"], Summary(await CsvAsync(file)));
    }

    [Fact]
    public async Task Skips_blank_lines_but_counts_them_as_a_spreadsheet_shows_them()
    {
        var rows = await CsvAsync("\n\nphone,name\n84912345678,An\n\n \n84912345679,Binh\n");

        Assert.Equal(["4 ok 84912345678", "7 ok 84912345679"], Summary(rows));
    }

    [Fact]
    public async Task Skips_rows_of_nothing_but_separators_as_spreadsheets_export_empty_rows()
    {
        var rows = await CsvAsync("phone,name,city\n84912345678,An,Hue\n,,\n , ,\"\"\n84912345679,Binh,Hue\n");

        Assert.Equal(["2 ok 84912345678", "5 ok 84912345679"], Summary(rows));
    }

    [Fact]
    public async Task A_header_only_file_has_no_customers()
    {
        Assert.Empty(await CsvAsync("phone,name\n"));
    }

    [Fact]
    public async Task Reads_nothing_past_the_end_of_the_stream()
    {
        var stream = new ChunkedStream(Encoding.UTF8.GetBytes("phone\n84912345678\n"), int.MaxValue);
        var count = 0;
        await foreach (var _ in AudienceReader.ReadAsync(stream, AudienceFormat.Csv))
        {
            count++;
        }

        Assert.Equal(1, count);
        Assert.Equal(18, stream.Position);
    }
}
