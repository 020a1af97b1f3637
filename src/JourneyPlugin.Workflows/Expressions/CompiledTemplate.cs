using Scriban;
using Scriban.Syntax;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>A parsed template or expression, or the reasons it does not parse. Immutable, shared by concurrent renders.</summary>
internal sealed class CompiledTemplate
{
    /// <summary>An empty expression: it evaluates to null.</summary>
    public static CompiledTemplate Empty { get; } = new(string.Empty, template: null, expression: null, [], columnShift: 0);

    public CompiledTemplate(string text, Template? template, ScriptExpression? expression, IReadOnlyList<TemplateDiagnostic> diagnostics, int columnShift)
    {
        Text = text;
        Template = template;
        Expression = expression;
        Diagnostics = diagnostics;
        ColumnShift = columnShift;
    }

    /// <summary>The text as the author wrote it, to place errors in.</summary>
    public string Text { get; }

    /// <summary>The parsed template; for Scriban expressions, parsed in script-only mode.</summary>
    public Template? Template { get; }

    /// <summary>For Liquid expressions, the one expression taken out of <c>{{ … }}</c>.</summary>
    public ScriptExpression? Expression { get; }

    /// <summary>The syntax errors; empty when the text parses.</summary>
    public IReadOnlyList<TemplateDiagnostic> Diagnostics { get; }

    /// <summary>How many columns the parser saw on the first line that the author did not write (the <c>{{ </c> around a Liquid expression).</summary>
    public int ColumnShift { get; }

    /// <summary>When the cache last handed this out, for eviction.</summary>
    public long LastUsed { get; set; }
}
