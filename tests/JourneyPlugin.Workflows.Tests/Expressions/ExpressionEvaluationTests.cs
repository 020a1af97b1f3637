using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Expressions;

namespace JourneyPlugin.Workflows.Tests.Expressions;

public sealed class ExpressionEvaluationTests
{
    private readonly ScribanTemplateRenderer _renderer = TemplateTestData.Renderer();

    [Theory]
    [InlineData("customer.age >= 18", true)]
    [InlineData("customer.age < 18", false)]
    [InlineData("customer.tier == \"gold\" && Variables.Score > 3", true)]
    [InlineData("customer.tier == \"silver\" || Variables.Flag == false", false)]
    [InlineData("customer.vip", true)]
    [InlineData("customer.tags | array.contains 'promo'", true)]
    public async Task Evaluates_scriban_conditions(string expression, bool expected)
    {
        Assert.Equal(expected, await _renderer.EvaluateModelAsync(expression));
    }

    [Theory]
    [InlineData("customer.age >= 18", true)]
    [InlineData("customer.tier == 'gold' and Variables.Score > 3", true)]
    [InlineData("customer.tier == 'silver' or Variables.Score < 3", false)]
    [InlineData("customer.tags contains 'new'", true)]
    public async Task Evaluates_liquid_conditions(string expression, bool expected)
    {
        Assert.Equal(expected, await _renderer.EvaluateModelAsync(expression, TemplateSyntax.Liquid));
    }

    [Fact]
    public async Task Returns_whole_numbers_as_long()
    {
        var value = await _renderer.EvaluateModelAsync("Variables.Count + 1");

        Assert.IsType<long>(value);
        Assert.Equal(2L, value);
        Assert.Equal(2L, await _renderer.EvaluateModelAsync("Variables.Count | plus: 1", TemplateSyntax.Liquid));
        Assert.Equal(34L, await _renderer.EvaluateModelAsync("customer.age"));
    }

    [Fact]
    public async Task Returns_json_fractions_as_decimal_and_script_fractions_as_double()
    {
        Assert.Equal(12.5m, await _renderer.EvaluateModelAsync("customer.balance"));
        Assert.Equal(4.75m, await _renderer.EvaluateModelAsync("customer.cart[0].price + customer.cart[1].price"));
        Assert.Equal(3.0, await _renderer.EvaluateModelAsync("1.5 * 2"));
    }

    [Fact]
    public async Task Returns_text()
    {
        Assert.Equal("Ann", await _renderer.EvaluateModelAsync("customer.first_name"));
        Assert.Equal("ANN", await _renderer.EvaluateModelAsync("customer.first_name | upcase", TemplateSyntax.Liquid));
        Assert.Equal("Ann Lee", await _renderer.EvaluateModelAsync("customer.first_name + ' ' + customer.last_name"));
    }

    [Theory]
    [InlineData("customer.nickname", TemplateSyntax.Scriban)]
    [InlineData("customer.address.street.name", TemplateSyntax.Scriban)]
    [InlineData("Variables.Nothing", TemplateSyntax.Scriban)]
    [InlineData("null", TemplateSyntax.Scriban)]
    [InlineData("", TemplateSyntax.Scriban)]
    [InlineData("  ", TemplateSyntax.Liquid)]
    [InlineData("customer.nickname", TemplateSyntax.Liquid)]
    [InlineData("empty", TemplateSyntax.Scriban)]
    public async Task Returns_null_for_nothing(string expression, TemplateSyntax syntax)
    {
        Assert.Null(await _renderer.EvaluateModelAsync(expression, syntax));
    }

    [Fact]
    public async Task Returns_objects_and_arrays_as_json()
    {
        var address = Assert.IsType<JsonObject>(await _renderer.EvaluateModelAsync("customer.address"));
        var cart = Assert.IsType<JsonArray>(await _renderer.EvaluateModelAsync("customer.cart | array.map 'name'"));
        var range = Assert.IsType<JsonArray>(await _renderer.EvaluateModelAsync("1..3"));

        Assert.Equal("""{"city":"Hanoi","geo":{"lat":21.03}}""", address.ToJsonString());
        Assert.Equal("""["Tea","Cake"]""", cart.ToJsonString());
        Assert.Equal("[1,2,3]", range.ToJsonString());
    }

    [Fact]
    public async Task Returns_dates_as_round_trip_text()
    {
        Assert.Equal("2025-03-14T00:00:00.0000000", await _renderer.EvaluateModelAsync("date.parse '2025-03-14'"));
    }

    [Fact]
    public async Task Refuses_an_object_that_contains_itself()
    {
        var failure = await Assert.ThrowsAsync<TemplateRenderException>(() => _renderer.EvaluateAsync("x = {}; x.self = x; x", TemplateSyntax.Scriban, ExpressionModel.Empty).AsTask());

        Assert.Equal(TemplateFailureKind.Runtime, failure.Kind);
        Assert.Equal("The template failed: The value is nested more than 64 levels deep or contains itself.", failure.Message);
    }

    [Fact]
    public async Task Applies_the_limits_to_expressions()
    {
        var failure = await Assert.ThrowsAsync<TemplateRenderException>(() => _renderer.EvaluateAsync("while true; end", TemplateSyntax.Scriban, ExpressionModel.Empty).AsTask());

        Assert.Equal(TemplateFailureKind.LoopLimit, failure.Kind);
    }

    [Fact]
    public async Task Reports_liquid_runtime_errors_at_the_authors_column()
    {
        var failure = await Assert.ThrowsAsync<TemplateRenderException>(() => _renderer.EvaluateAsync("customer.first_name | nope", TemplateSyntax.Liquid, ExpressionModel.Empty).AsTask());

        Assert.Equal(TemplateFailureKind.Runtime, failure.Kind);
        Assert.Equal((1, 23), (failure.Line, failure.Column));
    }
}
