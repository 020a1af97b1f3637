namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>The layout of an audience file; see <see cref="AudienceReader.Detect"/>.</summary>
public enum AudienceFormat
{
    /// <summary>
    /// Comma-, semicolon- or tab-separated values (RFC 4180) with a header row naming the columns.
    /// </summary>
    Csv,

    /// <summary>JSON lines (<c>.jsonl</c>, <c>.ndjson</c>): one JSON object per line.</summary>
    JsonLines,
}
