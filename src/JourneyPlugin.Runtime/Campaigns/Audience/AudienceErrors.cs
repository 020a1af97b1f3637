using System.Globalization;

namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>
/// Every message the reader produces, in one place so they read alike: row problems start with
/// <c>row N:</c> (the <see cref="AudienceRow.RowNumber"/>), file problems are sentences.
/// </summary>
internal static class AudienceErrors
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string NoPhone(long row) => Row(row, "no phone");

    public static string InvalidPhone(long row, string phone, string reason) => Row(row, $"phone '{phone}' {reason}");

    public static string PhoneNotText(long row, string kind) => Row(row, $"phone is {kind}, not text or a number");

    public static string KeyNotText(long row, string column, string kind) => Row(row, $"'{column}' is {kind}, not text or a number");

    public static string Duplicate(long row, long firstRow, string key) =>
        Row(row, firstRow > 0 ? $"duplicate of row {firstRow} (customer {key})" : $"duplicate of an earlier row (customer {key})");

    public static string ValueCount(long row, int values, int columns) =>
        Row(row, $"has {values} {Plural(values, "value", "values")} but the header has {columns} {Plural(columns, "column", "columns")}");

    public static string TooLong(long row, int maxRowLength, bool quoteOpen) =>
        Row(row, $"longer than {maxRowLength} bytes" + (quoteOpen ? "; is a quote left open?" : string.Empty));

    public static string TextAfterClosingQuote(long row, int column) => Row(row, $"column {column} has text after its closing quote");

    public static string QuoteNotClosed(long row) => Row(row, "a quoted value is not closed");

    public static string InvalidJson(long row, long bytePosition) => Row(row, $"not valid JSON (byte {bytePosition})");

    public static string DuplicateJsonProperty(long row) => Row(row, "not valid JSON (a property name appears twice)");

    public static string NotJsonObject(long row, string kind) => Row(row, $"not a JSON object but {kind}; write one object per line, e.g. {{\"phone\":\"84912345678\"}}");

    public static string TooManyProperties(long row, int count, int max) => Row(row, $"has {count} properties; at most {max} are allowed");

    public static string Empty() => "The audience file is empty.";

    public static string NoHeader(long row, string value) =>
        $"Row {row} must be a header naming the columns, e.g. 'phone,name', but it looks like a customer ('{value}').";

    public static string NoPhoneColumn(IEnumerable<string> header) =>
        "The header has no phone column: name it 'phone' (or 'phone_number', 'mobile', 'msisdn'). The columns are: "
        + string.Join(", ", header) + ".";

    public static string NoSuchColumn(string column, string option) =>
        $"The header has no column '{column}', which the options name as the {option} column.";

    public static string DuplicateColumn(string name, int first, int second) =>
        $"The header names '{name}' twice (columns {first} and {second}).";

    public static string UnnamedColumn(int column) => $"Column {column} of the header has no name.";

    public static string TooManyColumns(int count, int max) => $"The header has {count} columns; at most {max} are allowed.";

    public static string HeaderTooLong(int maxRowLength) => $"The header row is longer than {maxRowLength} bytes.";

    public static string HeaderNotReadable(string reason) => $"The header row cannot be read: {reason}.";

    public static string NotUtf8(long row) =>
        $"The file is not UTF-8 text: row {row} has bytes that are not UTF-8. Save it as UTF-8 (in Excel: 'CSV UTF-8') and try again.";

    public static string Utf16() => "The file is UTF-16 text; save it as UTF-8 (in Excel: 'CSV UTF-8') and try again.";

    public static string Workbook() => "A spreadsheet workbook is not supported; save the sheet as 'CSV UTF-8'.";

    public static string JsonArray() =>
        "A JSON array is not supported; write one JSON object per line (JSON lines, .jsonl).";

    public static string Binary() => "The file is not text; an audience is CSV or JSON lines.";

    public static string UnknownEmpty(string fileName) =>
        $"Cannot tell the format of '{fileName}': it is empty and its name does not end in .csv, .jsonl or .ndjson.";

    /// <summary>"an object", "an array", "a string", … for a JSON value kind.</summary>
    public static string Describe(System.Text.Json.JsonValueKind kind) => kind switch
    {
        System.Text.Json.JsonValueKind.Object => "an object",
        System.Text.Json.JsonValueKind.Array => "an array",
        System.Text.Json.JsonValueKind.String => "a string",
        System.Text.Json.JsonValueKind.Number => "a number",
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Row(long row, string text) => string.Create(Invariant, $"row {row}: {text}");

    private static string Plural(int count, string one, string many) => count == 1 ? one : many;
}
