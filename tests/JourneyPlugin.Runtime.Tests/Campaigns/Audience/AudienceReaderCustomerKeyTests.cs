using JourneyPlugin.Runtime.Campaigns.Audience;
using static JourneyPlugin.Runtime.Tests.Campaigns.Audience.AudienceTestReader;

namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

public sealed class AudienceReaderCustomerKeyTests
{
    [Fact]
    public async Task Without_an_id_column_the_normalised_phone_is_the_key_so_differently_written_numbers_are_one_customer()
    {
        var rows = await CsvAsync("phone\n84912345678\n+84 912-345-678\n0084912345678\n84912345679\n");

        Assert.Equal(
            [
                "2 ok 84912345678",
                "3 row 3: duplicate of row 2 (customer 84912345678)",
                "4 row 4: duplicate of row 2 (customer 84912345678)",
                "5 ok 84912345679",
            ],
            Summary(rows));
        Assert.Equal("84912345678", rows[1].CustomerKey);
        Assert.Equal("84912345678", rows[1].Phone);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("ID")]
    [InlineData("customer_id")]
    [InlineData("CustomerId")]
    [InlineData("Customer ID")]
    public async Task An_id_column_is_the_key_so_two_customers_may_share_a_phone(string column)
    {
        var rows = await CsvAsync($"phone,{column}\n84912345678,C-1\n84912345678, C-2 \n84912345679,C-1\n");

        Assert.Equal(
            ["2 ok 84912345678", "3 ok 84912345678", "4 row 4: duplicate of row 2 (customer C-1)"],
            Summary(rows));
        Assert.Equal(["C-1", "C-2", "C-1"], rows.Select(r => r.CustomerKey));
    }

    [Fact]
    public async Task Prefers_customer_id_over_id()
    {
        var row = Assert.Single(await CsvAsync("id,phone,customer_id\n7,84912345678,C-1\n"));

        Assert.Equal("C-1", row.CustomerKey);
    }

    [Fact]
    public async Task A_row_with_an_empty_id_is_keyed_by_its_phone()
    {
        var rows = await CsvAsync("phone,id\n84912345678,\n84912345678,\n");

        Assert.Equal("84912345678", rows[0].CustomerKey);
        Assert.Equal("row 3: duplicate of row 2 (customer 84912345678)", rows[1].Error);
    }

    [Fact]
    public async Task The_key_column_can_be_named_in_the_options()
    {
        var options = new AudienceReaderOptions { CustomerKeyColumn = "email" };

        var rows = await CsvAsync("phone,id,email\n84912345678,1,an@example.com\n84912345679,2,an@example.com\n", options);

        Assert.Equal(["2 ok 84912345678", "3 row 3: duplicate of row 2 (customer an@example.com)"], Summary(rows));
    }

    [Fact]
    public async Task A_key_column_named_in_the_options_must_exist()
    {
        var options = new AudienceReaderOptions { CustomerKeyColumn = "email" };

        Assert.Equal(
            "The header has no column 'email', which the options name as the customer key column.",
            await CsvFailureAsync("phone,id\n84912345678,1\n", options));
    }

    [Fact]
    public async Task A_row_with_a_bad_phone_does_not_take_its_key()
    {
        var rows = await CsvAsync("phone,id\n0912345678,C-1\n84912345678,C-1\n");

        Assert.False(rows[0].IsValid);
        Assert.Equal("C-1", rows[0].CustomerKey);
        Assert.True(rows[1].IsValid, rows[1].Error);
    }

    [Fact]
    public async Task Json_lines_take_string_or_number_ids()
    {
        const string file = """
            {"phone":"84912345678","customer_id":42}
            {"phone":"84912345679","customer_id":"42"}
            {"phone":"84912345680","customer_id":null}
            {"phone":"84912345681","customer_id":{"x":1}}
            """;

        var rows = await JsonLinesAsync(file);

        Assert.Equal(
            [
                "1 ok 84912345678",
                "2 row 2: duplicate of row 1 (customer 42)",
                "3 ok 84912345680",
                "4 row 4: 'customer_id' is an object, not text or a number",
            ],
            Summary(rows));
        Assert.Equal("84912345680", rows[2].CustomerKey);
    }

    [Fact]
    public async Task Duplicate_detection_can_be_turned_off()
    {
        var rows = await CsvAsync("phone\n84912345678\n84912345678\n", new() { DetectDuplicates = false });

        Assert.All(rows, row => Assert.True(row.IsValid, row.Error));
    }

    [Fact]
    public async Task Finds_a_duplicate_far_apart_among_many_distinct_customers()
    {
        var file = "phone\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{84910000000 + i}\n")) + "84910000003\n";

        var rows = await CsvAsync(file);

        Assert.Equal(20_001, rows.Count);
        Assert.Single(rows, row => !row.IsValid);
        Assert.Equal("row 20002: duplicate of row 5 (customer 84910000003)", rows[^1].Error);
    }
}
