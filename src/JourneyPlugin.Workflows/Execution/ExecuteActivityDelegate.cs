namespace JourneyPlugin.Workflows.Execution;

/// <summary>A method of an activity that runs when one of its bookmarks is resumed.</summary>
#pragma warning disable CA1711 // Elsa's name, kept so an adapter maps one to one.
public delegate ValueTask ExecuteActivityDelegate(ActivityExecutionContext context);
#pragma warning restore CA1711
