namespace JourneyPlugin.Runtime.Storage;

/// <summary>An instance whose timer is due.</summary>
/// <param name="InstanceId">The instance to wake.</param>
/// <param name="DueAt">When its earliest timer was due.</param>
public sealed record DueInstance(string InstanceId, DateTimeOffset DueAt);
