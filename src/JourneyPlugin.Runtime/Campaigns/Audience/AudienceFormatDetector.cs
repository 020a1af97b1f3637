namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>Tells an audience's format from its file name, or else from its first bytes.</summary>
internal static class AudienceFormatDetector
{
    public static AudienceFormat Detect(string fileName, ReadOnlySpan<byte> firstBytes)
    {
        switch (Path.GetExtension(fileName).ToUpperInvariant())
        {
            case ".CSV" or ".TSV":
                return AudienceFormat.Csv;
            case ".JSONL" or ".NDJSON":
                return AudienceFormat.JsonLines;
            case ".XLSX" or ".XLS" or ".XLSM" or ".ODS" or ".NUMBERS":
                throw new AudienceFormatException(AudienceErrors.Workbook());
        }

        // Zip (xlsx, ods) and OLE (xls) containers: a workbook saved under another name.
        if (firstBytes.StartsWith("PK\x03\x04"u8) || firstBytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            throw new AudienceFormatException(AudienceErrors.Workbook());
        }

        var bom = AudiencePreamble.Length(firstBytes);
        if (bom < 0)
        {
            throw new AudienceFormatException(AudienceErrors.Utf16());
        }

        var text = firstBytes[bom..];
        if (text.Contains((byte)0))
        {
            throw new AudienceFormatException(AudienceErrors.Binary());
        }

        var start = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            throw new AudienceFormatException(AudienceErrors.UnknownEmpty(fileName));
        }

        return text[start] switch
        {
            (byte)'{' => AudienceFormat.JsonLines,
            (byte)'[' => throw new AudienceFormatException(AudienceErrors.JsonArray()),
            _ => AudienceFormat.Csv,
        };
    }
}
