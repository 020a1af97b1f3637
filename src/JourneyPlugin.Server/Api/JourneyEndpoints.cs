using System.Text;
using JourneyPlugin.Runtime.Definitions;
using JourneyPlugin.Server.Journeys;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JourneyPlugin.Server.Api;

/// <summary>
/// <c>/api/journeys</c>: list, get (the file byte for byte), validate, save (writes the Elsa JSON into the workflows
/// directory and reloads the catalogue) and delete journeys.
/// </summary>
internal static class JourneyEndpoints
{
    public static RouteGroupBuilder MapJourneys(this RouteGroupBuilder api)
    {
        var journeys = api.MapGroup("/journeys").WithTags("Journeys");
        journeys.MapGet("/", ListAsync).WithName("ListJourneys");
        journeys.MapGet("/{id}", GetAsync).WithName("GetJourney");
        journeys.MapPost("/validate", ValidateAsync).WithName("ValidateJourney");
        journeys.MapPut("/{id}", SaveAsync).WithName("SaveJourney");
        journeys.MapDelete("/{id}", DeleteAsync).WithName("DeleteJourney");
        return api;
    }

    private static async Task<Ok<List<JourneySummary>>> ListAsync(JourneyDefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        var summaries = new List<JourneySummary>();
        foreach (var entry in catalog.Entries.OrderBy(e => e.DefinitionId, StringComparer.Ordinal))
        {
            // Cached per version in the catalogue, so listing stays cheap.
            var validation = await catalog.ValidateAsync(entry.DefinitionId, cancellationToken).ConfigureAwait(false);
            var problems = validation?.Problems ?? [];
            summaries.Add(new JourneySummary(
                entry.DefinitionId,
                entry.Definition.Name,
                entry.Definition.Version,
                entry.File is { } file ? Path.GetFileName(file) : null,
                validation?.IsValid ?? false,
                problems.Count(p => p.Severity == ValidationSeverity.Error),
                problems.Count(p => p.Severity == ValidationSeverity.Warning)));
        }

        return TypedResults.Ok(summaries);
    }

    /// <summary>The journey file as stored, byte for byte, so the designer's next save diffs cleanly.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(string id, JourneyDefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } entry)
        {
            return JourneyProblems.NotFound(id);
        }

        byte[] bytes;
        try
        {
            bytes = entry.File is { } file ? await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false) : Encoding.UTF8.GetBytes(entry.Json);
        }
        catch (FileNotFoundException)
        {
            // Removed behind the server's back: what the catalogue runs is the best answer left.
            bytes = Encoding.UTF8.GetBytes(entry.Json);
        }

        return TypedResults.Bytes(bytes, "application/json");
    }

    private static async Task<Results<Ok<JourneyValidation>, ProblemHttpResult>> ValidateAsync(HttpRequest request, WorkflowValidator validator, CancellationToken cancellationToken)
    {
        var (definition, problem) = await ReadDefinitionAsync(request, cancellationToken).ConfigureAwait(false);
        if (definition is null)
        {
            return problem!;
        }

        var result = await validator.ValidateAsync(definition, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new JourneyValidation(result.IsValid, JourneyProblem.From(result)));
    }

    private static async Task<Results<Ok<JourneySaved>, ProblemHttpResult>> SaveAsync(
        string id, HttpRequest request, JourneyFiles files, JourneyDefinitionCatalog catalog, CancellationToken cancellationToken)
    {
        var (definition, problem) = await ReadDefinitionAsync(request, cancellationToken).ConfigureAwait(false);
        if (definition is null)
        {
            return problem!;
        }

        if (definition.DefinitionId != id)
        {
            return JsonRequestBody.BadRequest(
                "The journey id does not match",
                $"the body's definitionId '{definition.DefinitionId}' differs from the journey id '{id}' in the URL",
                "$.definitionId");
        }

        var (entry, refused) = await files.SaveAsync(definition, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return refused!;
        }

        var validation = await catalog.ValidateAsync(id, CancellationToken.None).ConfigureAwait(false);
        var problems = validation is null ? [] : JourneyProblem.From(validation);
        return TypedResults.Ok(new JourneySaved(id, Path.GetFileName(entry.File!), validation?.IsValid ?? false, problems));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, JourneyFiles files, CancellationToken cancellationToken) =>
        await files.DeleteAsync(id, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : JourneyProblems.NotFound(id);

    /// <summary>The body as a workflow definition; broken JSON or not a workflow is a 400 naming the JSON path.</summary>
    private static async Task<(WorkflowDefinition? Definition, ProblemHttpResult? Problem)> ReadDefinitionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (text, problem) = await JsonRequestBody.ReadTextAsync(request, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return (null, problem);
        }

        try
        {
            return (WorkflowDefinition.Parse(text), null);
        }
        catch (WorkflowDefinitionFormatException e)
        {
            return (null, JsonRequestBody.BadRequest("The body is not an Elsa workflow definition", $"{e.JsonPath}: {e.Reason}", e.JsonPath));
        }
    }
}

/// <summary>A journey as listed by the API.</summary>
/// <param name="DefinitionId">The Elsa definition id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Version">The definition version.</param>
/// <param name="File">The journey file in the workflows directory; null for a journey registered in code.</param>
/// <param name="Valid">Whether it can run.</param>
/// <param name="Errors">How many errors it has.</param>
/// <param name="Warnings">How many warnings it has.</param>
internal sealed record JourneySummary(string DefinitionId, string? Name, int Version, string? File, bool Valid, int Errors, int Warnings);
