using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Runtime.Campaigns.Audience;

namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

/// <summary>Reads small audiences given as text, for tests.</summary>
internal static class AudienceTestReader
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task<List<AudienceRow>> CsvAsync(string text, AudienceReaderOptions? options = null, int chunkSize = int.MaxValue) =>
        ReadAsync(Encoding.UTF8.GetBytes(text), AudienceFormat.Csv, options, chunkSize);

    public static Task<List<AudienceRow>> JsonLinesAsync(string text, AudienceReaderOptions? options = null, int chunkSize = int.MaxValue) =>
        ReadAsync(Encoding.UTF8.GetBytes(text), AudienceFormat.JsonLines, options, chunkSize);

    public static async Task<List<AudienceRow>> ReadAsync(byte[] bytes, AudienceFormat format, AudienceReaderOptions? options = null, int chunkSize = int.MaxValue)
    {
        var rows = new List<AudienceRow>();
        await foreach (var row in AudienceReader.ReadAsync(new ChunkedStream(bytes, chunkSize), format, options))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The message of the <see cref="AudienceFormatException"/> reading <paramref name="text"/> throws.</summary>
    public static async Task<string> CsvFailureAsync(string text, AudienceReaderOptions? options = null) =>
        (await Assert.ThrowsAsync<AudienceFormatException>(() => CsvAsync(text, options))).Message;

    /// <summary>The profile as JSON, with '+' and accented letters as written.</summary>
    public static string Json(JsonObject attributes) => attributes.ToJsonString(Readable);

    /// <summary>Row number and error of every row, or "ok" for valid ones: one assertion shows the whole file.</summary>
    public static string[] Summary(IEnumerable<AudienceRow> rows) =>
        [.. rows.Select(r => r.IsValid ? $"{r.RowNumber} ok {r.Phone}" : $"{r.RowNumber} {r.Error}")];
}
