using Scriban;
using Scriban.Parsing;
using Scriban.Syntax;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>Parses templates and expressions of both syntaxes into <see cref="CompiledTemplate"/>s.</summary>
internal static class TemplateCompiler
{
    // The "{{ " put in front of a Liquid expression, which Scriban cannot parse in script-only mode.
    private const string LiquidOpen = "{{ ";
    private const string LiquidClose = " }}";

    private static readonly LexerOptions s_scriptOnly = new() { Mode = ScriptMode.ScriptOnly };

    public static CompiledTemplate Compile(TemplateCacheKey key)
    {
        try
        {
            return (key.Kind, key.Syntax) switch
            {
                (CompiledTemplateKind.Template, TemplateSyntax.Liquid) => FromTemplate(Template.ParseLiquid(key.Text), key.Text, columnShift: 0),
                (CompiledTemplateKind.Template, _) => FromTemplate(Template.Parse(key.Text), key.Text, columnShift: 0),
                _ when string.IsNullOrWhiteSpace(key.Text) => CompiledTemplate.Empty,
                (_, TemplateSyntax.Liquid) => FromLiquidExpression(key.Text),
                _ => FromTemplate(Template.Parse(key.Text, sourceFilePath: null, parserOptions: null, s_scriptOnly), key.Text, columnShift: 0),
            };
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The parser reports problems as messages; anything it throws is a problem of the text all the same.
            return new CompiledTemplate(key.Text, template: null, expression: null, [new TemplateDiagnostic(1, 1, exception.Message)], columnShift: 0);
        }
    }

    private static CompiledTemplate FromTemplate(Template template, string text, int columnShift)
        => template.HasErrors
            ? new CompiledTemplate(text, template: null, expression: null, ToDiagnostics(template, text, columnShift), columnShift)
            : new CompiledTemplate(text, template, expression: null, [], columnShift);

    /// <summary>
    /// Liquid has no script-only mode in Scriban, so the expression is parsed inside <c>{{ … }}</c> and the one
    /// expression statement is taken out: evaluating it gives typed values (true, 2), not their rendered text.
    /// </summary>
    private static CompiledTemplate FromLiquidExpression(string text)
    {
        var template = Template.ParseLiquid(LiquidOpen + text + LiquidClose);
        if (template.HasErrors)
        {
            return FromTemplate(template, text, LiquidOpen.Length);
        }

        var expression = SingleExpression(template);
        return expression is null
            ? new CompiledTemplate(text, template: null, expression: null, [new TemplateDiagnostic(1, 1, "A Liquid expression must be a single value, without {{ }} or {% %} tags.")], LiquidOpen.Length)
            : new CompiledTemplate(text, template, expression, [], LiquidOpen.Length);
    }

    private static ScriptExpression? SingleExpression(Template template)
    {
        if (template.Page?.Body?.Statements is not { } statements)
        {
            return null;
        }

        ScriptExpression? expression = null;
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case ScriptEscapeStatement:
                    break;
                case ScriptExpressionStatement { Expression: { } found } when expression is null:
                    expression = found;
                    break;
                default:
                    // Text or tags after a "}}" inside the expression: it is not one expression.
                    return null;
            }
        }

        return expression;
    }

    private static TemplateDiagnostic[] ToDiagnostics(Template template, string text, int columnShift)
        => template.Messages
            .Where(static message => message.Type == ParserMessageType.Error)
            .Select(message =>
            {
                var (line, column) = TextPositions.ToAuthorPosition(message.Span.Start, text, columnShift);
                return new TemplateDiagnostic(line, column, message.Message);
            })
            .ToArray();
}
