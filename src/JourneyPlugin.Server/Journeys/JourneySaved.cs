namespace JourneyPlugin.Server.Journeys;

/// <summary>The answer of <c>PUT /api/journeys/{id}</c>: saved, and whether it can run.</summary>
/// <param name="DefinitionId">The journey.</param>
/// <param name="File">Its file in the workflows directory.</param>
/// <param name="Valid">Whether it can run; a journey with errors is saved but not started.</param>
/// <param name="Problems">Its problems, in file order.</param>
internal sealed record JourneySaved(string DefinitionId, string File, bool Valid, IReadOnlyList<JourneyProblem> Problems);
