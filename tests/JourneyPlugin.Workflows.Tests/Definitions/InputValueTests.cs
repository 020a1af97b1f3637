using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Workflows.Tests.Definitions;

public sealed class InputValueTests
{
    [Fact]
    public void Factories_build_the_wrapped_form()
    {
        Assert.Equal(new InputValue("String", "Literal", JsonValue.Create("x"), true), InputValue.Literal("x"));
        Assert.Equal(new InputValue("String", "Literal", null, true), InputValue.Literal((string?)null));
        Assert.Equal(new InputValue("Boolean", "Literal", JsonValue.Create(true), true), InputValue.Literal(true));
        Assert.Equal(new InputValue("Int32", "Literal", JsonValue.Create(3), true), InputValue.Literal(3));
        Assert.Equal(new InputValue("Double", "Literal", JsonValue.Create(2.5), true), InputValue.Literal(2.5));
        Assert.Equal(new InputValue("String", "Scriban", JsonValue.Create("Hi {{ name }}"), true), InputValue.Scriban("Hi {{ name }}"));
        Assert.Equal(new InputValue("String", "Liquid", JsonValue.Create("{{ x }}"), true), InputValue.Liquid("{{ x }}"));
        Assert.Equal(new InputValue("Object", "Object", JsonValue.Create("{\"a\":[1]}"), true), InputValue.ObjectJson(JsonNode.Parse("{ \"a\": [ 1 ] }")));
        Assert.Equal(new InputValue(null, "Literal", JsonValue.Create(false), false), InputValue.Bare(JsonValue.Create(false)));
    }

    [Fact]
    public void Equality_compares_JSON_values_deeply()
    {
        Assert.Equal(InputValue.LiteralJson(JsonNode.Parse("[1, {\"a\": 2}]"), "Object"), InputValue.LiteralJson(new JsonArray(1, new JsonObject { ["a"] = 2 }), "Object"));
        Assert.NotEqual(InputValue.Literal("1"), InputValue.Literal(1));
        Assert.NotEqual(InputValue.Literal("x"), InputValue.Bare(JsonValue.Create("x")));
        Assert.NotEqual(InputValue.Literal("x"), InputValue.Literal("x", "Object"));
        Assert.Equal(InputValue.Literal("x").GetHashCode(), InputValue.Literal("x").GetHashCode());
    }

    [Fact]
    public void Values_are_copied_so_one_value_can_be_set_on_many_activities()
    {
        var shared = new JsonObject { ["a"] = 1 };
        var value = InputValue.LiteralJson(shared, "Object");
        var definition = WorkflowDefinition.Create("j", "J");
        var first = definition.Root.AddActivity("Elsa.WriteLine");
        var second = definition.Root.AddActivity("Elsa.WriteLine");

        first.SetInput("data", value);
        second.SetInput("data", value);
        first.SetInput("bare", InputValue.Bare(shared));
        second.SetInput("bare", InputValue.Bare(shared));

        Assert.Null(shared.Parent);
        Assert.Equal(value, second.GetInput("data"));
        Assert.Equal(InputValue.Bare(shared), first.GetInput("bare"));
    }

    [Fact]
    public void Text_is_the_string_value()
    {
        Assert.Equal("Hi", InputValue.Scriban("Hi").Text);
        Assert.Null(InputValue.Literal(1).Text);
        Assert.Null(InputValue.Literal((string?)null).Text);
    }
}
