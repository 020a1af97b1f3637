namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>
/// Picks the value separator from the header line: whichever of <c>,</c> <c>;</c> and tab occurs
/// most outside quotes (Excel writes <c>;</c> where the decimal separator is a comma). A tie or a
/// single-column header means a comma.
/// </summary>
internal static class CsvDelimiter
{
    public static byte Detect(ReadOnlySpan<byte> headerLine)
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        foreach (var b in headerLine)
        {
            switch (b)
            {
                case (byte)'"':
                    quoted = !quoted;
                    break;
                case (byte)'\n' or (byte)'\r' when !quoted:
                    return Pick(commas, semicolons, tabs);
                case (byte)',' when !quoted:
                    commas++;
                    break;
                case (byte)';' when !quoted:
                    semicolons++;
                    break;
                case (byte)'\t' when !quoted:
                    tabs++;
                    break;
            }
        }

        return Pick(commas, semicolons, tabs);
    }

    private static byte Pick(int commas, int semicolons, int tabs) =>
        semicolons > commas && semicolons >= tabs ? (byte)';'
        : tabs > commas && tabs > semicolons ? (byte)'\t'
        : (byte)',';
}
