namespace JourneyPlugin.Runtime.Campaigns.Audience;

/// <summary>
/// The audience file as a whole cannot be read: it is empty, has no header or no phone column,
/// repeats a header name, is not UTF-8 text, or is a format the reader does not support. Problems
/// of a single row are not thrown; they are reported on the row (<see cref="AudienceRow.Error"/>).
/// </summary>
public sealed class AudienceFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public AudienceFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AudienceFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public AudienceFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a message naming the row where the problem was found.</summary>
    public AudienceFormatException(string message, long rowNumber)
        : base(message) => RowNumber = rowNumber;

    /// <summary>
    /// The row (same numbering as <see cref="AudienceRow.RowNumber"/>) where the problem was found,
    /// or <see langword="null"/> when it concerns no particular row.
    /// </summary>
    public long? RowNumber { get; }
}
