namespace JourneyPlugin.Workflows.Models;

/// <summary>A reference to a workflow variable, as Elsa's <c>SetVariable</c> stores it: <c>{"id": …, "name": …}</c>.</summary>
/// <param name="Id">The variable's id.</param>
/// <param name="Name">The variable's name.</param>
public sealed record VariableReference(string? Id, string? Name);
