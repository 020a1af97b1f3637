using JourneyPlugin.Workflows.Expressions;

namespace JourneyPlugin.Workflows.Tests.Expressions;

public sealed class TemplateSyntaxErrorTests
{
    private const string BinaryError = "Error while parsing binary expression: Expecting an <expression> to the right of the operator instead of `}}` in: <expression> operator <expression>";

    private readonly ScribanTemplateRenderer _renderer = TemplateTestData.Renderer();

    [Fact]
    public void Check_accepts_a_good_template()
    {
        Assert.Empty(_renderer.Check("Hi {{ customer.first_name }}", TemplateSyntax.Scriban));
        Assert.Empty(_renderer.Check("Hi {{ customer.first_name | upcase }}{% if x %}!{% endif %}", TemplateSyntax.Liquid));
    }

    [Fact]
    public void Check_reports_line_and_column()
    {
        var diagnostic = Assert.Single(_renderer.Check("Hi {{ customer.first_name + }}", TemplateSyntax.Scriban));

        Assert.Equal(new TemplateDiagnostic(1, 29, BinaryError), diagnostic);
    }

    [Fact]
    public void Check_counts_lines_from_one()
    {
        var diagnostic = Assert.Single(_renderer.Check("Hello\n  {{ if x }} abc", TemplateSyntax.Scriban));

        Assert.Equal(new TemplateDiagnostic(2, 13, "Error while parsing if statement: The <end> statement was not found in: if <expression> ... end|else|else if"), diagnostic);
    }

    [Fact]
    public void Check_reports_liquid_errors()
    {
        var diagnostic = Assert.Single(_renderer.Check("Hi {% if x %} abc", TemplateSyntax.Liquid));

        Assert.Equal(new TemplateDiagnostic(1, 7, "Error while parsing if statement: The `endif statement` was not found in: if <expression> ... end|else|else if"), diagnostic);
    }

    [Fact]
    public async Task Render_of_a_bad_template_throws_with_line_and_column()
    {
        var failure = await _renderer.RenderFailsAsync("Hi {{ customer.first_name + }}");

        Assert.Equal(TemplateFailureKind.Syntax, failure.Kind);
        Assert.Equal((1, 29), (failure.Line, failure.Column));
        Assert.Equal("The template has a syntax error at line 1, column 29: " + BinaryError, failure.Message);
    }

    [Fact]
    public async Task Render_of_a_bad_liquid_template_throws()
    {
        var failure = await _renderer.RenderFailsAsync("{% for x in y %}", TemplateSyntax.Liquid);

        Assert.Equal(TemplateFailureKind.Syntax, failure.Kind);
        Assert.Equal((1, 4), (failure.Line, failure.Column));
    }

    [Fact]
    public void Check_expression_shifts_liquid_columns_back_to_what_the_author_wrote()
    {
        var diagnostic = Assert.Single(_renderer.CheckExpression("customer.age >", TemplateSyntax.Liquid));

        // The parser saw "{{ customer.age > }}" and stopped at "}}": for the author that is just past the text.
        Assert.Equal((1, 15), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Check_expression_rejects_liquid_that_breaks_out_of_its_braces()
    {
        var diagnostic = Assert.Single(_renderer.CheckExpression("x }}text{{ y", TemplateSyntax.Liquid));

        Assert.Equal(new TemplateDiagnostic(1, 1, "A Liquid expression must be a single value, without {{ }} or {% %} tags."), diagnostic);
    }

    [Fact]
    public async Task Evaluate_of_a_bad_expression_throws()
    {
        var failure = await Assert.ThrowsAsync<TemplateRenderException>(() => _renderer.EvaluateAsync("customer.age >=", TemplateSyntax.Scriban, ExpressionModel.Empty).AsTask());

        Assert.Equal(TemplateFailureKind.Syntax, failure.Kind);
        Assert.Equal((1, 16), (failure.Line, failure.Column));
        Assert.Equal("The expression has a syntax error at line 1, column 16: Error while parsing binary expression: Expecting an <expression> to the right of the operator instead of `<eof>` in: <expression> operator <expression>", failure.Message);
    }
}
