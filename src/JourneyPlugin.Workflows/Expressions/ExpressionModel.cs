using System.Collections.ObjectModel;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>
/// What a template or expression sees. Built by the interpreter for each step, in the shape Elsa's Liquid
/// exposes: <c>customer</c>, <c>Variables.X</c>, <c>Input.X</c>, <c>CorrelationId</c>, <c>WorkflowInstanceId</c>.
/// </summary>
/// <remarks>
/// The renderer never changes these values: a template that assigns to <c>customer.x</c> changes its own copy.
/// </remarks>
public sealed record ExpressionModel
{
    /// <summary>A model with nothing in it.</summary>
    public static ExpressionModel Empty { get; } = new();

    /// <summary>The customer profile, seen as <c>customer</c>; attributes keep their JSON names (<c>customer.first_name</c>).</summary>
    public JsonObject? Customer { get; init; }

    /// <summary>The workflow variables, seen as <c>Variables.X</c>.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = ReadOnlyDictionary<string, JsonNode?>.Empty;

    /// <summary>The workflow input, seen as <c>Input.X</c>.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Input { get; init; } = ReadOnlyDictionary<string, JsonNode?>.Empty;

    /// <summary>The correlation id, seen as <c>CorrelationId</c>.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The workflow instance id, seen as <c>WorkflowInstanceId</c>.</summary>
    public string? WorkflowInstanceId { get; init; }
}
