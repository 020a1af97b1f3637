using JourneyPlugin.Workflows.Expressions;

namespace JourneyPlugin.Workflows.Tests.Expressions;

/// <summary>Templates must not reach .NET members: each attempt renders nothing or fails clearly.</summary>
public sealed class TemplateMemberAccessTests
{
    private readonly ScribanTemplateRenderer _renderer = TemplateTestData.Renderer();

    [Theory]
    [InlineData("[{{ customer.GetType }}]")]
    [InlineData("[{{ customer.first_name.GetType }}]")]
    [InlineData("[{{ customer.first_name.Length }}]")]
    [InlineData("[{{ customer.age.GetType }}]")]
    [InlineData("[{{ customer.cart.GetType }}]")]
    [InlineData("[{{ Variables.Count.GetType }}]")]
    [InlineData("[{{ date.now.GetType }}]")]
    [InlineData("[{{ func g; ret 1; end; (@g).Body }}]")]
    [InlineData("[{{ date.now.day_of_week.GetType }}]")]
    [InlineData("[{{ string.GetType }}]")]
    public async Task Shows_nothing_for_dotnet_members(string template)
    {
        Assert.Equal("[]", await _renderer.RenderModelAsync(template));
    }

    [Theory]
    [InlineData("{{ \"x\".GetType() }}", "The function `\"x\".GetType` was not found")]
    [InlineData("{{ Variables.GetType().Assembly }}", "The function `Variables.GetType` was not found")]
    [InlineData("{{ customer.GetType().Assembly.Location }}", "The function `customer.GetType` was not found")]
    [InlineData("{{ import 'System' }}", "Unexpected value `string` for import. Expecting an plain script object.")]
    [InlineData("{{ include 'secrets.txt' }}", "The function `include` was not found")]
    [InlineData("{{ object.eval '1 + 1' }}", "The function `object.eval` was not found")]
    [InlineData("{{ object.eval_template '{{ 1 }}' }}", "The function `object.eval_template` was not found")]
    public async Task Fails_clearly_on_reflection_imports_and_includes(string template, string reason)
    {
        var failure = await _renderer.RenderFailsAsync(template);

        Assert.Equal(TemplateFailureKind.Runtime, failure.Kind);
        Assert.EndsWith(": " + reason, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ (@string.upcase).Method }}")]
    [InlineData("{{ f = @string.upcase; f.Target }}")]
    public async Task Calls_a_function_instead_of_showing_its_members(string template)
    {
        var failure = await _renderer.RenderFailsAsync(template);

        Assert.Equal(TemplateFailureKind.Runtime, failure.Kind);
        Assert.Contains("Invalid number of arguments `0`", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{% include 'secrets.txt' %}")]
    [InlineData("{{ 'x' | eval }}")]
    public async Task Liquid_cannot_include_either(string template)
    {
        var failure = await _renderer.RenderFailsAsync(template, TemplateSyntax.Liquid);

        Assert.Equal(TemplateFailureKind.Runtime, failure.Kind);
    }

    [Fact]
    public async Task Imports_only_script_data()
    {
        Assert.Equal("Hanoi", await _renderer.RenderModelAsync("{{ import customer.address }}{{ city }}"));
    }

    [Theory]
    [InlineData("{{ string.upcase = 1 }}")]
    [InlineData("{{ string.sneaky = 1 }}")]
    [InlineData("{{ date.format = '%Y' }}")]
    public async Task Cannot_change_the_shared_builtins(string template)
    {
        await _renderer.RenderFailsAsync(template);

        Assert.Equal("ANN 14 Mar 2025", await _renderer.RenderModelAsync("{{ customer.first_name | string.upcase }} {{ date.parse '2025-03-14' | date.to_string date.format }}"));
        Assert.Equal("[]", await _renderer.RenderModelAsync("[{{ string.sneaky }}]"));
    }

    [Fact]
    public async Task Shadows_a_builtin_for_one_render_only()
    {
        Assert.Equal("1", await _renderer.RenderModelAsync("{{ date = 1 }}{{ date }}"));
        Assert.Equal("2025", await _renderer.RenderModelAsync("{{ (date.parse '2025-03-14').year }}"));
    }
}
