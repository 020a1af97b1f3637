using System.Diagnostics.CodeAnalysis;

namespace JourneyPlugin.Workflows.Expressions;

/// <summary>Renders message templates and evaluates expressions over an <see cref="ExpressionModel"/>, sandboxed.</summary>
/// <remarks>Implementations are thread-safe and cache parsed templates.</remarks>
public interface ITemplateRenderer
{
    /// <summary>Renders a template such as <c>Hi {{ customer.first_name }}</c>.</summary>
    /// <param name="template">The template text.</param>
    /// <param name="syntax">The template language.</param>
    /// <param name="model">What the template sees.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    /// <returns>The rendered text.</returns>
    /// <exception cref="TemplateRenderException">The template does not parse, breaks a limit or fails while running.</exception>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The contract names the parameter template; C++/CLI is no consumer.")]
    ValueTask<string> RenderAsync(string template, TemplateSyntax syntax, ExpressionModel model, CancellationToken cancellationToken = default);

    /// <summary>
    /// Evaluates one expression written without delimiters, such as <c>customer.tier == "gold" &amp;&amp; Variables.Score &gt; 3</c>.
    /// </summary>
    /// <param name="expression">The expression text.</param>
    /// <param name="syntax">The expression language.</param>
    /// <param name="model">What the expression sees.</param>
    /// <param name="cancellationToken">Stops the evaluation.</param>
    /// <returns>
    /// The value: <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="decimal"/>, <see cref="string"/>,
    /// <see langword="null"/>, or a <see cref="System.Text.Json.Nodes.JsonNode"/> for objects and arrays.
    /// </returns>
    /// <exception cref="TemplateRenderException">The expression does not parse, breaks a limit or fails while running.</exception>
    ValueTask<object?> EvaluateAsync(string expression, TemplateSyntax syntax, ExpressionModel model, CancellationToken cancellationToken = default);

    /// <summary>Checks the syntax of a template.</summary>
    /// <param name="template">The template text.</param>
    /// <param name="syntax">The template language.</param>
    /// <returns>The syntax problems with 1-based line and column; empty when the template parses.</returns>
    [SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The contract names the parameter template; C++/CLI is no consumer.")]
    IReadOnlyList<TemplateDiagnostic> Check(string template, TemplateSyntax syntax);

    /// <summary>Checks the syntax of an expression written without delimiters, as <see cref="EvaluateAsync"/> takes it.</summary>
    /// <param name="expression">The expression text.</param>
    /// <param name="syntax">The expression language.</param>
    /// <returns>The syntax problems with 1-based line and column; empty when the expression parses.</returns>
    IReadOnlyList<TemplateDiagnostic> CheckExpression(string expression, TemplateSyntax syntax);
}
