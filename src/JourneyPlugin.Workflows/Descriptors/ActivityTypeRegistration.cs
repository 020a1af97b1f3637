namespace JourneyPlugin.Workflows.Descriptors;

/// <summary>An activity type registered through DI; the registry describes each one.</summary>
/// <param name="ActivityType">The activity class.</param>
public sealed record ActivityTypeRegistration(Type ActivityType);
