namespace JourneyPlugin.Runtime.Storage;

/// <summary>A campaign run.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="DefinitionId">The journey it runs.</param>
/// <param name="Name">A name for people.</param>
/// <param name="Status">Where it is.</param>
/// <param name="AudienceName">The audience file or list, if any.</param>
/// <param name="EnrolmentCursor">The last audience row handled (enrolled or rejected); enrolment resumes after it. Also the number of rows read.</param>
/// <param name="RowsRejected">How many audience rows were skipped.</param>
/// <param name="CreatedAt">When the run was created.</param>
/// <param name="UpdatedAt">When the run last changed.</param>
public sealed record RunRecord(
    string RunId,
    string DefinitionId,
    string Name,
    RunStatus Status,
    string? AudienceName,
    long EnrolmentCursor,
    long RowsRejected,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The number of the last audience row handled (the enrolment cursor; a CSV header is row 1).</summary>
    public long RowsRead => EnrolmentCursor;
}
