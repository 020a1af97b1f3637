namespace JourneyPlugin.Workflows.Descriptors;

/// <summary>The activity types this host knows, by type name and version.</summary>
public interface IActivityRegistry
{
    /// <summary>Every registered activity type.</summary>
    IReadOnlyCollection<ActivityDescriptor> Descriptors { get; }

    /// <summary>The descriptor of <paramref name="typeName"/> at <paramref name="version"/>, or the latest version when none matches exactly.</summary>
    ActivityDescriptor? Find(string typeName, int? version = null);
}
