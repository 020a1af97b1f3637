using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Expressions;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.Workflows.Execution;

/// <summary>Evaluates an input's expression and converts the value to the input's type.</summary>
internal sealed class InputEvaluator(ITemplateRenderer renderer)
{
    public async ValueTask<object?> EvaluateAsync(Input input, ExpressionModel model, WorkflowState state, CancellationToken cancellationToken)
    {
        var expression = input.Expression;
        var target = input.ValueType;
        switch (expression.Type)
        {
            case ExpressionTypes.Literal:
                return ValueConverter.Convert(expression.Value, target);
            case ExpressionTypes.Object:
                return ValueConverter.Convert(expression.Text is { } json ? JsonNode.Parse(json) : expression.Value, target);
            case ExpressionTypes.Variable:
                var name = expression.Text ?? string.Empty;
                return state.Variables.TryGetValue(name, out var variable)
                    ? ValueConverter.Convert(variable, target)
                    : throw new FormatException($"there is no variable '{name}'");
            case ExpressionTypes.Scriban or ExpressionTypes.Liquid:
                var syntax = expression.Type == ExpressionTypes.Scriban ? TemplateSyntax.Scriban : TemplateSyntax.Liquid;
                var text = expression.Text ?? string.Empty;

                if (IsTemplate(target, text))
                {
                    return ValueConverter.Convert(await renderer.RenderAsync(text, syntax, model, cancellationToken).ConfigureAwait(false), target);
                }

                return ValueConverter.Convert(await renderer.EvaluateAsync(text, syntax, model, cancellationToken).ConfigureAwait(false), target);
            default:
                throw new FormatException($"the expression type '{expression.Type}' is not supported here; use {string.Join(", ", ExpressionTypes.Supported)}");
        }
    }

    /// <summary>
    /// Whether a Scriban or Liquid input is a template to render (text, URLs, anything written with
    /// <c>{{ }}</c>) or a bare expression to evaluate (a condition or a number, e.g. <c>customer.age &gt;= 18</c>).
    /// </summary>
    public static bool IsTemplate(Type target, string text)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        return text.Contains("{{", StringComparison.Ordinal) || !(type == typeof(bool) || type.IsPrimitive || type == typeof(decimal));
    }
}
