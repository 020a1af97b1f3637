using JourneyPlugin.Workflows.Expressions;

namespace JourneyPlugin.Workflows.Tests.Expressions;

public sealed class LiquidRenderingTests
{
    private readonly ScribanTemplateRenderer _renderer = TemplateTestData.Renderer();

    [Fact]
    public async Task Renders_what_elsa_liquid_exposes()
    {
        var text = await _renderer.RenderModelAsync("{{ Variables.OrderId }}|{{ Input.Channel }}|{{ CorrelationId }}|{{ WorkflowInstanceId }}", TemplateSyntax.Liquid);

        Assert.Equal("A-17|whatsapp|corr-1|wf-1", text);
    }

    [Fact]
    public async Task Applies_liquid_filters()
    {
        var text = await _renderer.RenderModelAsync("Hi {{ customer.first_name | upcase }}{{ '!' | prepend: '' }} {{ customer.last_name | append: '!' | downcase }} {{ Variables.Count | plus: 1 }}", TemplateSyntax.Liquid);

        Assert.Equal("Hi ANN! lee! 2", text);
    }

    [Fact]
    public async Task Runs_liquid_tags()
    {
        const string Template = "{% if customer.tier == 'gold' %}VIP{% else %}Regular{% endif %}: "
            + "{% for item in customer.cart %}{{ item.name }}{% unless forloop.last %}, {% endunless %}{% endfor %}";

        Assert.Equal("VIP: Tea, Cake", await _renderer.RenderModelAsync(Template, TemplateSyntax.Liquid));
    }

    [Fact]
    public async Task Offers_the_json_and_base64_filters_elsa_adds()
    {
        var text = await _renderer.RenderModelAsync("{{ customer.address | json }} {{ 'hi' | base64 }}", TemplateSyntax.Liquid);

        Assert.Equal("""{"city":"Hanoi","geo":{"lat":21.03}} aGk=""", text);
    }

    [Theory]
    [InlineData("Hello {{ customer.nickname }}", "Hello ")]
    [InlineData("[{{ customer.address.street.name }}]", "[]")]
    [InlineData("[{{ Variables.Missing | upcase }}]", "[]")]
    public async Task Renders_missing_attributes_as_empty_text(string template, string expected)
    {
        Assert.Equal(expected, await _renderer.RenderModelAsync(template, TemplateSyntax.Liquid));
    }

    [Fact]
    public async Task Assigns_and_captures()
    {
        const string Template = "{% assign total = customer.cart[0].qty | plus: customer.cart[1].qty %}{% capture line %}{{ total }} items{% endcapture %}{{ line }}";

        Assert.Equal("3 items", await _renderer.RenderModelAsync(Template, TemplateSyntax.Liquid));
    }
}
