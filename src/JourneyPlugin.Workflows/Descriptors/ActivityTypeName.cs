using System.Reflection;
using JourneyPlugin.Workflows.Attributes;

namespace JourneyPlugin.Workflows.Descriptors;

/// <summary>Elsa's naming: <c>{Namespace}.{Type}</c> from <c>[Activity]</c>, else the CLR namespace and class name.</summary>
public static class ActivityTypeName
{
    /// <summary>The type name and version of <paramref name="activityType"/>.</summary>
    public static (string TypeName, int Version) Of(Type activityType)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        var attribute = activityType.GetCustomAttribute<ActivityAttribute>(inherit: false);
        var ns = attribute?.Namespace ?? activityType.Namespace ?? string.Empty;
        var type = attribute?.Type ?? activityType.Name;
        var tick = type.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            type = type[..tick];
        }

        return (string.IsNullOrEmpty(ns) ? type : $"{ns}.{type}", attribute?.Version ?? 1);
    }
}
