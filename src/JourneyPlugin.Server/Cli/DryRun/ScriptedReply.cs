namespace JourneyPlugin.Server.Cli.DryRun;

/// <summary>A customer's reply in a dry run: <see cref="Text"/>, written <see cref="After"/> the previous reply (or the journey's start, for the first).</summary>
internal sealed record ScriptedReply(TimeSpan After, string Text);
