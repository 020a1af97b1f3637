namespace JourneyPlugin.Server.Runs;

/// <summary>A campaign run as the API shows it.</summary>
/// <param name="Id">The run id.</param>
/// <param name="JourneyId">The journey's definition id.</param>
/// <param name="Name">A name for people.</param>
/// <param name="Status"><c>Created</c>, <c>Running</c>, <c>Paused</c>, <c>Cancelled</c> or <c>Completed</c> (every row enrolled; journeys may still wait).</param>
/// <param name="CreatedAt">When the run was created.</param>
/// <param name="UpdatedAt">When its status or enrolment last changed.</param>
/// <param name="RowsRead">The last audience row handled (a CSV header is row 1).</param>
/// <param name="Enrolled">Customers enrolled.</param>
/// <param name="RejectedRows">Audience rows skipped (see <c>/api/runs/{id}/rejected-rows</c>).</param>
/// <param name="Instances">How many of its journey instances are in each status (<c>Suspended</c>, <c>Finished</c>, <c>Cancelled</c>, …).</param>
/// <param name="Funnel">The run's funnel.</param>
/// <param name="Steps">The funnel of each step, in the journey's order.</param>
internal sealed record RunResponse(
    string Id,
    string JourneyId,
    string Name,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long RowsRead,
    long Enrolled,
    long RejectedRows,
    IReadOnlyDictionary<string, int> Instances,
    FunnelResponse Funnel,
    IReadOnlyList<StepFunnelResponse> Steps);
