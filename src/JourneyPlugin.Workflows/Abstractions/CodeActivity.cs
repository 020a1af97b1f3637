namespace JourneyPlugin.Workflows.Abstractions;

/// <summary>An activity that completes with <c>Done</c> as soon as it has run, unless it created a bookmark or completed itself.</summary>
public abstract class CodeActivity : Activity
{
}
