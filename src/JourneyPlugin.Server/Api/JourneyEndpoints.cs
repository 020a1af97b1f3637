using JourneyPlugin.Runtime.Definitions;

namespace JourneyPlugin.Server.Api;

/// <summary><c>GET /api/journeys</c>: the journeys this server runs.</summary>
internal static class JourneyEndpoints
{
    public static RouteGroupBuilder MapJourneys(this RouteGroupBuilder api)
    {
        api.MapGet("/journeys", (JourneyDefinitionCatalog catalog) => TypedResults.Ok(List(catalog)))
            .WithName("ListJourneys")
            .WithTags("Journeys");
        return api;
    }

    private static List<JourneySummary> List(JourneyDefinitionCatalog catalog) => catalog.Workflows
        .Select(w => new JourneySummary(
            w.DefinitionId,
            w.Definition.Name,
            w.Definition.Version,
            w.Definition.Source is { } source ? Path.GetFileName(source) : null))
        .OrderBy(j => j.DefinitionId, StringComparer.Ordinal)
        .ToList();
}

/// <summary>A journey as listed by the API.</summary>
/// <param name="DefinitionId">The Elsa definition id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Version">The definition version.</param>
/// <param name="File">The journey file in the workflows directory; null for a journey registered in code.</param>
internal sealed record JourneySummary(string DefinitionId, string? Name, int Version, string? File);
