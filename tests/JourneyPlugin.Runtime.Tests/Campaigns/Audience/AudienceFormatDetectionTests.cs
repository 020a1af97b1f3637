using System.Text;
using JourneyPlugin.Runtime.Campaigns.Audience;

namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

public sealed class AudienceFormatDetectionTests
{
    [Theory]
    [InlineData("audience.csv", "{\"phone\":1}", AudienceFormat.Csv)]
    [InlineData("AUDIENCE.CSV", "", AudienceFormat.Csv)]
    [InlineData("export.tsv", "phone\tname", AudienceFormat.Csv)]
    [InlineData("audience.jsonl", "phone,name", AudienceFormat.JsonLines)]
    [InlineData("audience.ndjson", "", AudienceFormat.JsonLines)]
    [InlineData("dir.v2/Audience.JSONL", "", AudienceFormat.JsonLines)]
    public void The_extension_decides_first(string fileName, string content, AudienceFormat expected)
    {
        Assert.Equal(expected, AudienceReader.Detect(fileName, Encoding.UTF8.GetBytes(content)));
    }

    [Theory]
    [InlineData("upload", "phone,name\n84912345678,An\n", AudienceFormat.Csv)]
    [InlineData("upload.txt", "phone;name\n", AudienceFormat.Csv)]
    [InlineData("upload.json", "{\"phone\":\"84912345678\"}\n{\"phone\":\"84912345679\"}\n", AudienceFormat.JsonLines)]
    [InlineData("upload.dat", "\n\r\n  {\"phone\":\"84912345678\"}", AudienceFormat.JsonLines)]
    [InlineData("upload", "\uFEFF{\"phone\":\"84912345678\"}", AudienceFormat.JsonLines)]
    [InlineData("upload", "\uFEFFphone\n", AudienceFormat.Csv)]
    public void Otherwise_the_content_decides(string fileName, string content, AudienceFormat expected)
    {
        Assert.Equal(expected, AudienceReader.Detect(fileName, Encoding.UTF8.GetBytes(content)));
    }

    [Theory]
    [InlineData("audience.xlsx")]
    [InlineData("audience.XLS")]
    [InlineData("audience.ods")]
    public void A_workbook_name_is_refused(string fileName)
    {
        var e = Assert.Throws<AudienceFormatException>(() => AudienceReader.Detect(fileName, "phone\n"u8));

        Assert.Equal("A spreadsheet workbook is not supported; save the sheet as 'CSV UTF-8'.", e.Message);
    }

    [Fact]
    public void A_workbook_under_another_name_is_refused_by_its_content()
    {
        var e = Assert.Throws<AudienceFormatException>(() => AudienceReader.Detect("upload", "PK\x03\x04\x14\x00\x06\x00"u8));

        Assert.Equal("A spreadsheet workbook is not supported; save the sheet as 'CSV UTF-8'.", e.Message);
    }

    [Fact]
    public void A_json_array_is_refused()
    {
        var e = Assert.Throws<AudienceFormatException>(() => AudienceReader.Detect("audience.json", " [{\"phone\":\"84912345678\"}]"u8));

        Assert.Equal("A JSON array is not supported; write one JSON object per line (JSON lines, .jsonl).", e.Message);
    }

    [Fact]
    public void Utf16_content_is_refused()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("phone")).ToArray();

        var e = Assert.Throws<AudienceFormatException>(() => AudienceReader.Detect("upload", bytes));

        Assert.StartsWith("The file is UTF-16 text", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_content_is_refused()
    {
        var e = Assert.Throws<AudienceFormatException>(() => AudienceReader.Detect("upload.bin", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x00]));

        Assert.Equal("The file is not text; an audience is CSV or JSON lines.", e.Message);
    }

    [Fact]
    public void An_empty_file_with_an_unknown_name_is_refused()
    {
        var e = Assert.Throws<AudienceFormatException>(() => AudienceReader.Detect("upload", " \n"u8));

        Assert.Equal("Cannot tell the format of 'upload': it is empty and its name does not end in .csv, .jsonl or .ndjson.", e.Message);
    }

    [Fact]
    public async Task A_detected_format_reads_the_file()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"phone\":\"84912345678\"}\n");
        var format = AudienceReader.Detect("upload", bytes.AsSpan(0, Math.Min(512, bytes.Length)));

        var rows = await AudienceTestReader.ReadAsync(bytes, format);

        Assert.Equal("84912345678", Assert.Single(rows).Phone);
    }
}
