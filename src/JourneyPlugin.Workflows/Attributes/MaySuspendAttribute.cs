namespace JourneyPlugin.Workflows.Attributes;

/// <summary>
/// Marks an activity that may suspend the journey (it creates bookmarks). Validation accepts a loop
/// only when it passes through such an activity.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MaySuspendAttribute : Attribute
{
}
