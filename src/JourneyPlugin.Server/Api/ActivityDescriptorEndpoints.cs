using JourneyPlugin.Workflows.Descriptors;

namespace JourneyPlugin.Server.Api;

/// <summary><c>GET /api/activity-descriptors</c>: the activity types for the designer, in Elsa's descriptor shape.</summary>
internal static class ActivityDescriptorEndpoints
{
    public static RouteGroupBuilder MapActivityDescriptors(this RouteGroupBuilder api)
    {
        api.MapGet("/activity-descriptors", (IActivityRegistry registry) =>
                TypedResults.Ok(registry.Descriptors.OrderBy(d => d.TypeName, StringComparer.Ordinal).ToList()))
            .WithName("ListActivityDescriptors")
            .WithTags("Designer");
        return api;
    }
}
