namespace JourneyPlugin.Server.Journeys;

/// <summary>The answer of <c>POST /api/journeys/validate</c>.</summary>
/// <param name="Valid">Whether the journey can run (it may have warnings).</param>
/// <param name="Problems">Every problem, in file order.</param>
internal sealed record JourneyValidation(bool Valid, IReadOnlyList<JourneyProblem> Problems);
