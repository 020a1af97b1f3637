namespace JourneyPlugin.Workflows.Descriptors;

/// <summary>The registry built from the activity types registered through DI.</summary>
internal sealed class ActivityRegistry : IActivityRegistry
{
    private readonly Dictionary<string, List<ActivityDescriptor>> _byType;

    public ActivityRegistry(IEnumerable<ActivityTypeRegistration> registrations)
    {
        Descriptors = registrations
            .Select(r => r.ActivityType)
            .Distinct()
            .Select(ActivityDescriber.Describe)
            .OrderBy(d => d.Category, StringComparer.Ordinal)
            .ThenBy(d => d.DisplayName, StringComparer.Ordinal)
            .ToList();
        _byType = Descriptors
            .GroupBy(d => d.TypeName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.Version).ToList(), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<ActivityDescriptor> Descriptors { get; }

    public ActivityDescriptor? Find(string typeName, int? version = null)
    {
        if (!_byType.TryGetValue(typeName, out var versions))
        {
            return null;
        }

        return versions.FirstOrDefault(d => d.Version == version) ?? versions[0];
    }
}
