using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Runtime.Campaigns.Audience;
using static JourneyPlugin.Runtime.Tests.Campaigns.Audience.AudienceTestReader;

namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

public sealed class AudienceReaderJsonLinesTests
{
    [Fact]
    public async Task Keeps_json_types_and_nested_objects_as_the_profile()
    {
        const string line = """{"phone":"+84 912 345 678","name":"An","age":31,"vip":true,"tags":["a","b"],"address":{"city":"Hue","geo":{"lat":16.46}},"note":null}""";

        var row = Assert.Single(await JsonLinesAsync(line + "\n"));

        Assert.True(row.IsValid, row.Error);
        Assert.Equal(1, row.RowNumber);
        Assert.Equal("84912345678", row.Phone);
        Assert.Equal(line, Json(row.Attributes));
        Assert.Equal(31, row.Attributes["age"]!.GetValue<int>());
        Assert.Equal(JsonValueKind.True, row.Attributes["vip"]!.GetValueKind());
        Assert.Equal("Hue", row.Attributes["address"]!["city"]!.GetValue<string>());
        Assert.Equal(16.46, row.Attributes["address"]!["geo"]!["lat"]!.GetValue<double>());
    }

    [Fact]
    public async Task Yields_good_and_bad_lines_in_order_numbered_by_line()
    {
        const string file = """
            {"phone":"84912345678","name":"An"}
            {"phone":"0912 345","name":"Binh"}

            {"phone":"84912345679", "name": x}
            {"name":"Dung"}
            [1,2]
            {"phone":84912345680}
            {"phone":{"number":"84912345681"}}
            {"phone":"84912345678"}
            {"phone":"84912345682","a":1,"a":2}
            {"phone":""}
            null
            {"phone":"84912345683"} trailing
            {"Mobile":"84912345684"}
            """;

        var rows = await JsonLinesAsync(file);

        Assert.Equal(
            [
                "1 ok 84912345678",
                "2 row 2: phone '0912 345' has no country code (a national number starting with 0); write it with the country code, e.g. 84912345678",
                "4 row 4: not valid JSON (byte 33)",
                "5 row 5: no phone",
                "6 row 6: not a JSON object but an array; write one object per line, e.g. {\"phone\":\"84912345678\"}",
                "7 ok 84912345680",
                "8 row 8: phone is an object, not text or a number",
                "9 row 9: duplicate of row 1 (customer 84912345678)",
                "10 row 10: not valid JSON (a property name appears twice)",
                "11 row 11: no phone",
                "12 row 12: not a JSON object but null; write one object per line, e.g. {\"phone\":\"84912345678\"}",
                "13 row 13: not valid JSON (byte 25)",
                "14 ok 84912345684",
            ],
            Summary(rows));
    }

    [Fact]
    public async Task Accepts_crlf_line_breaks_and_a_byte_order_mark()
    {
        var rows = await JsonLinesAsync("\uFEFF{\"phone\":\"84912345678\"}\r\n\r\n{\"phone\":\"84912345679\"}\r\n");

        Assert.Equal(["1 ok 84912345678", "3 ok 84912345679"], Summary(rows));
    }

    [Fact]
    public async Task A_line_may_span_many_reads()
    {
        var name = new string('x', 5000);

        var rows = await JsonLinesAsync($"{{\"phone\":\"84912345678\",\"name\":\"{name}\"}}\n{{\"phone\":\"84912345679\"}}", chunkSize: 7);

        Assert.Equal(["1 ok 84912345678", "2 ok 84912345679"], Summary(rows));
        Assert.Equal(name, rows[0].Attributes["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_phone_property_can_be_named_in_the_options()
    {
        var row = Assert.Single(await JsonLinesAsync("""{"phone":"84912345671","contact":{"x":1},"Zalo":"84912345672"}""", new() { PhoneColumn = "zalo" }));

        Assert.Equal("84912345672", row.Phone);
    }

    [Fact]
    public async Task A_line_with_too_many_properties_fails()
    {
        var row = Assert.Single(await JsonLinesAsync("""{"phone":"84912345678","a":1,"b":2}""", new() { MaxColumns = 2 }));

        Assert.Equal("row 1: has 3 properties; at most 2 are allowed", row.Error);
    }

    [Fact]
    public async Task The_profile_is_the_lines_own_object()
    {
        var row = Assert.Single(await JsonLinesAsync("""{"phone":"84912345678"}"""));

        row.Attributes["added"] = 1;

        Assert.IsType<JsonObject>(row.Attributes);
        Assert.Equal(2, row.Attributes.Count);
    }
}
