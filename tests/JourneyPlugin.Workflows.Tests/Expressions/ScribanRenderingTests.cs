using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Expressions;

namespace JourneyPlugin.Workflows.Tests.Expressions;

public sealed class ScribanRenderingTests
{
    private readonly ScribanTemplateRenderer _renderer = TemplateTestData.Renderer();

    [Fact]
    public async Task Renders_customer_attributes_by_their_json_names()
    {
        Assert.Equal("Hi Ann Lee!", await _renderer.RenderModelAsync("Hi {{ customer.first_name }} {{ customer.last_name }}!"));
    }

    [Fact]
    public async Task Renders_variables_input_and_ids_as_elsa_names_them()
    {
        var text = await _renderer.RenderModelAsync("{{ Variables.OrderId }}|{{ Input.Channel }}|{{ CorrelationId }}|{{ WorkflowInstanceId }}");

        Assert.Equal("A-17|whatsapp|corr-1|wf-1", text);
    }

    [Fact]
    public async Task Renders_nested_objects()
    {
        Assert.Equal("Hanoi (21.03)", await _renderer.RenderModelAsync("{{ customer.address.city }} ({{ customer.address.geo.lat }})"));
    }

    [Fact]
    public async Task Loops_over_arrays()
    {
        var text = await _renderer.RenderModelAsync("{{ for item in customer.cart }}{{ item.name }} x{{ item.qty }};{{ end }}");

        Assert.Equal("Tea x2;Cake x1;", text);
    }

    [Fact]
    public async Task Indexes_and_measures_arrays()
    {
        Assert.Equal("2 Cake promo", await _renderer.RenderModelAsync("{{ customer.cart.size }} {{ customer.cart[1].name }} {{ customer.tags | array.last }}"));
    }

    [Fact]
    public async Task Computes_with_json_numbers_exactly()
    {
        // 12.5 is a decimal, so money sums do not pick up binary rounding.
        Assert.Equal("35 25.0 4.75", await _renderer.RenderModelAsync("{{ customer.age + 1 }} {{ customer.balance * 2 }} {{ customer.cart[0].price + customer.cart[1].price }}"));
    }

    [Fact]
    public async Task Uses_scriban_functions()
    {
        Assert.Equal("ANN, new/promo", await _renderer.RenderModelAsync("{{ customer.first_name | string.upcase }}, {{ customer.tags | array.join '/' }}"));
    }

    [Fact]
    public async Task Renders_values_built_in_code()
    {
        var model = new ExpressionModel
        {
            Variables = new Dictionary<string, JsonNode?>
            {
                ["Int"] = JsonValue.Create(5),
                ["Decimal"] = JsonValue.Create(2.5m),
                ["Double"] = JsonValue.Create(0.25),
                ["Bool"] = JsonValue.Create(false),
                ["List"] = new JsonArray(1, "two"),
            },
        };

        var text = await _renderer.RenderAsync("{{ Variables.Int + 1 }} {{ Variables.Decimal }} {{ Variables.Double }} {{ Variables.Bool }} {{ Variables.List[1] }}", TemplateSyntax.Scriban, model);

        Assert.Equal("6 2.5 0.25 false two", text);
    }

    [Theory]
    [InlineData("Hello {{ customer.nickname }}", "Hello ")]
    [InlineData("[{{ customer.address.street.name }}]", "[]")]
    [InlineData("[{{ customer.cart[5].name }}]", "[]")]
    [InlineData("[{{ Variables.Missing }}{{ Variables.Nothing }}{{ Input.Missing.Deeper }}]", "[]")]
    [InlineData("[{{ nobody.knows }}]", "[]")]
    public async Task Renders_missing_attributes_as_empty_text(string template, string expected)
    {
        Assert.Equal(expected, await _renderer.RenderModelAsync(template));
    }

    [Fact]
    public async Task Renders_an_empty_model()
    {
        var text = await _renderer.RenderAsync("Hi {{ customer.first_name }}{{ CorrelationId }}{{ Variables.X }}.", TemplateSyntax.Scriban, ExpressionModel.Empty);

        Assert.Equal("Hi .", text);
    }

    [Fact]
    public async Task Keeps_assignments_inside_the_render()
    {
        var model = TemplateTestData.Model();

        var changed = await _renderer.RenderAsync("{{ customer.first_name = 'Bob' }}{{ customer.first_name }}", TemplateSyntax.Scriban, model);
        var again = await _renderer.RenderAsync("{{ customer.first_name }}", TemplateSyntax.Scriban, model);

        Assert.Equal("Bob", changed);
        Assert.Equal("Ann", again);
        Assert.Equal("Ann", (string?)model.Customer!["first_name"]);
    }

    [Fact]
    public async Task Does_not_leak_variables_between_renders()
    {
        Assert.Equal("secret", await _renderer.RenderModelAsync("{{ x = 'secret' }}{{ x }}"));
        Assert.Equal("[]", await _renderer.RenderModelAsync("[{{ x }}]"));
    }

    [Fact]
    public async Task Keeps_newlines_as_written()
    {
        Assert.Equal("Hi Ann,\nyour order A-17\nis ready.", await _renderer.RenderModelAsync("Hi {{ customer.first_name }},\nyour order {{ Variables.OrderId }}\nis ready."));
    }
}
