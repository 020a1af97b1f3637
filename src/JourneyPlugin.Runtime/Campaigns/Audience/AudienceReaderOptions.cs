namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>Limits and column choices for <see cref="AudienceReader"/>.</summary>
public sealed record AudienceReaderOptions
{
    /// <summary>The default <see cref="MaxRowLength"/>: 64 KiB.</summary>
    public const int DefaultMaxRowLength = 64 * 1024;

    /// <summary>The default <see cref="MaxColumns"/>.</summary>
    public const int DefaultMaxColumns = 1_000;

    /// <summary>
    /// The longest row, in bytes of UTF-8 without its line break. A longer row is reported as an
    /// error and the reader resumes after the next line break; the header may not be longer.
    /// This also bounds the damage of a quote left open, which would otherwise run to the end of the file.
    /// </summary>
    public int MaxRowLength { get; init; } = DefaultMaxRowLength;

    /// <summary>
    /// The most columns a CSV header may name (more fails the file), and the most top-level
    /// properties a JSON line may have (more fails the row).
    /// </summary>
    public int MaxColumns { get; init; } = DefaultMaxColumns;

    /// <summary>
    /// The column (CSV) or top-level property (JSON lines) that holds the phone number, matched
    /// ignoring case. <see langword="null"/> looks for <c>phone</c>, <c>phone_number</c>,
    /// <c>mobile</c> or <c>msisdn</c>, in that order of preference.
    /// </summary>
    public string? PhoneColumn { get; init; }

    /// <summary>
    /// The column or property that identifies a customer, matched ignoring case.
    /// <see langword="null"/> looks for <c>customer_id</c>, then <c>id</c>; without one, the phone
    /// number identifies the customer.
    /// </summary>
    public string? CustomerKeyColumn { get; init; }

    /// <summary>
    /// Whether a row whose <see cref="AudienceRow.CustomerKey"/> an earlier row already had is
    /// reported as a duplicate. Costs about 12 to 24 bytes per distinct customer (around 25 MB for a
    /// million); turn it off to keep memory flat when duplicates are handled elsewhere.
    /// </summary>
    public bool DetectDuplicates { get; init; } = true;

    /// <summary>The options used when none are given.</summary>
    public static AudienceReaderOptions Default { get; } = new();

    internal void Validate()
    {
        // The whole row must fit in one array, next to its line break.
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRowLength, 1, nameof(MaxRowLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRowLength, 256 * 1024 * 1024, nameof(MaxRowLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxColumns, 1, nameof(MaxColumns));
        if (PhoneColumn is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(PhoneColumn, nameof(PhoneColumn));
        }

        if (CustomerKeyColumn is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(CustomerKeyColumn, nameof(CustomerKeyColumn));
        }
    }
}
