namespace JourneyPlugin.Runtime.Storage;

/// <summary>A reply held for a wait that was not stored yet.</summary>
/// <param name="BookmarkHash">The bookmark the reply resumes.</param>
/// <param name="ReplyJson">The reply, serialised by the caller.</param>
/// <param name="HeldAt">When it was held.</param>
/// <param name="HeldUntil">When it expires.</param>
public sealed record HeldReply(string BookmarkHash, string ReplyJson, DateTimeOffset HeldAt, DateTimeOffset HeldUntil);
