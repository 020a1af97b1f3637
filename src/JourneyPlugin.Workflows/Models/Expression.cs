using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Models;

/// <summary>An input's expression as stored in a journey file: <c>{"type": "Scriban", "value": "Hi {{ customer.first_name }}"}</c>.</summary>
/// <param name="Type">One of <see cref="ExpressionTypes"/> (files may name others, which validation reports).</param>
/// <param name="Value">The literal value, or the expression's text.</param>
public sealed record Expression(string Type, JsonNode? Value)
{
    /// <summary>A literal value.</summary>
    public static Expression Literal(JsonNode? value) => new(ExpressionTypes.Literal, value);

    /// <summary>A Scriban template.</summary>
    public static Expression Scriban(string template) => new(ExpressionTypes.Scriban, JsonValue.Create(template));

    /// <summary>A Liquid template.</summary>
    public static Expression Liquid(string template) => new(ExpressionTypes.Liquid, JsonValue.Create(template));

    /// <summary>The expression's text, when its value is a string.</summary>
    public string? Text => Value is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
