namespace JourneyPlugin.Server.Runs;

/// <summary>Something an instance waits for.</summary>
/// <param name="ActivityId">The step that waits.</param>
/// <param name="Kind"><c>timer</c> (a delay or a reply's timeout) or <c>stimulus</c> (a reply, a delivery settlement).</param>
/// <param name="Name">The stimulus name.</param>
/// <param name="CreatedAt">Since when.</param>
/// <param name="ResumeAt">For a timer: when it fires.</param>
internal sealed record BookmarkResponse(string ActivityId, string Kind, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ResumeAt);
