using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Workflows.Tests.Definitions;

/// <summary>Every input and output form of <c>inputs-and-outputs.json</c>, read and changed.</summary>
public sealed class InputsAndOutputsTests
{
    private readonly WorkflowDefinition _definition = WorkflowDefinition.Parse(Samples.Read(Samples.InputsAndOutputs));

    private ActivityNode Send => _definition.Root.Activities[0];

    [Fact]
    public void Structural_keys()
    {
        Assert.Equal("Chào mừng 👋 <VIP> & friends' \"journey\" +84", _definition.Name);
        Assert.Equal(2, Send.Version);
        Assert.True(Send.CanStartWorkflow);
        Assert.True(Send.RunAsynchronously);
        Assert.Equal((12.5, -7.25), Send.Position);
        Assert.Equal((220, 60), Send.Size);
        Assert.Equal(
            [
                "to", "text", "templateName", "language", "fallbackText", "priority", "buttons", "methods", "timeoutSeconds",
                "retries", "dryRun", "campaign", "tags", "headers", "nothing", "messageId", "parsedContent", "status", "response",
            ],
            Send.PropertyNames);
    }

    [Fact]
    public void Wrapped_inputs()
    {
        Assert.Equal(InputValue.Scriban("{{ customer.phone }}"), Send.GetInput("to"));
        Assert.Equal(
            InputValue.Literal("Xin chào {{ name }} 👋🏽 <b>50% off</b> & more: 'today' +1 \"only\"\\n"),
            Send.GetInput("text"));
        Assert.Equal(new InputValue("Double", "Literal", JsonValue.Create(1.5), IsWrapped: true), Send.GetInput("timeoutSeconds"));
    }

    [Fact]
    public void Empty_expressions_have_no_value()
    {
        Assert.Equal(new InputValue("String", "Literal", null, IsWrapped: true), Send.GetInput("templateName"));
        Assert.Equal(new InputValue("String", "Liquid", null, IsWrapped: true), Send.GetInput("language"));
        Assert.Equal(new InputValue("String", "Literal", null, IsWrapped: true), Send.GetInput("fallbackText"));
        Assert.Equal(new InputValue("Int32", "Literal", null, IsWrapped: true), Send.GetInput("priority"));
    }

    [Fact]
    public void Object_inputs_keep_their_JSON_text()
    {
        Assert.Equal(
            new InputValue("Object", "Object", JsonValue.Create("[{\"title\":\"Yes\"},{\"title\":\"No\"}]"), IsWrapped: true),
            Send.GetInput("buttons"));
        Assert.Equal(InputValue.ObjectJson(new JsonArray("GET"), "String[]"), Send.GetInput("methods"));
    }

    [Fact]
    public void Bare_values_are_plain_literals()
    {
        Assert.Equal(new InputValue(null, "Literal", JsonValue.Create(3), IsWrapped: false), Send.GetInput("retries"));
        Assert.Equal(InputValue.Bare(JsonValue.Create(false)), Send.GetInput("dryRun"));
        Assert.Equal(InputValue.Bare(JsonValue.Create("spring-sale")), Send.GetInput("campaign"));
        Assert.Equal(InputValue.Bare(new JsonArray("vip", "new")), Send.GetInput("tags"));
        Assert.Equal(InputValue.Bare(new JsonObject { ["X-Trace"] = "on" }), Send.GetInput("headers"));
        Assert.Null(Send.GetInput("nothing"));
    }

    [Fact]
    public void Output_bindings()
    {
        Assert.Equal(new OutputBinding("String", "bbbb000000000001"), Send.GetOutput("messageId"));
        Assert.Equal(new OutputBinding("Object", "bbbb000000000002"), Send.GetOutput("parsedContent"));
        Assert.Null(Send.GetOutput("status"));
        Assert.Null(Send.GetOutput("response"));
        Assert.Null(Send.GetOutput("absent"));
        Assert.Null(Send.GetOutput("to"));
    }

    [Fact]
    public void An_output_binding_read_as_an_input_is_an_empty_literal_as_in_Elsa()
    {
        Assert.Equal(new InputValue("String", "Literal", null, IsWrapped: true), Send.GetInput("messageId"));
    }

    [Fact]
    public void Definition_variables()
    {
        Assert.Equal(
            [
                new VariableDefinition("bbbb000000000001", "MessageId", "String", false, null, VariableDefinition.WorkflowInstanceStorageDriver, "$.variables[0]"),
                new VariableDefinition("bbbb000000000002", "Parsed", "Object", false, null, VariableDefinition.WorkflowInstanceStorageDriver, "$.variables[1]"),
                new VariableDefinition("bbbb000000000003", "Tags", "String", true, new JsonArray("new", "vip"), "Elsa.Workflows.MemoryStorageDriver, Elsa.Workflows.Core", "$.variables[2]"),
            ],
            _definition.Variables);
    }

    [Fact]
    public void Rebinding_an_output_keeps_its_converter()
    {
        var before = _definition.ToJson();

        Send.SetOutput("parsedContent", new OutputBinding("Object", "bbbb000000000003"));

        var diff = LineDiff.Between(before, _definition.ToJson());
        Assert.Equal(["            \"id\": \"bbbb000000000002\""], diff.Removed);
        Assert.Equal(["            \"id\": \"bbbb000000000003\""], diff.Added);
        Assert.Equal("$.data[0]", (string?)Send.Json["parsedContent"]!["converter"]!["settings"]!["path"]);
    }

    [Fact]
    public void Binding_an_unbound_output_writes_Elsa_shape()
    {
        var before = _definition.ToJson();

        Send.SetOutput("status", new OutputBinding(null, "bbbb000000000002"));

        Assert.Equal(new OutputBinding("Object", "bbbb000000000002"), Send.GetOutput("status"));
        var diff = LineDiff.Between(before, _definition.ToJson());
        Assert.Equal(["        \"status\": null,"], diff.Removed);
        Assert.Equal(
            ["        \"status\": {", "          \"typeName\": \"Object\",", "          \"memoryReference\": {", "            \"id\": \"bbbb000000000002\"", "          }", "        },"],
            diff.Added);
    }

    [Fact]
    public void Unbinding_writes_null_as_Elsa_does()
    {
        var before = _definition.ToJson();

        Send.SetOutput("status", null);
        Assert.Equal(before, _definition.ToJson());
        Send.SetOutput("absent", null);
        Assert.Equal(["        \"absent\": null,"], LineDiff.Between(before, _definition.ToJson()).Added);

        Send.SetOutput("messageId", null);
        Assert.Null(Send.GetOutput("messageId"));
        Assert.Null(Send.Json["messageId"]);
        Assert.True(Send.Json.ContainsKey("messageId"));
    }

    [Fact]
    public void Setting_an_equal_value_changes_nothing_not_even_number_spelling()
    {
        var before = _definition.ToJson();

        Send.SetInput("timeoutSeconds", InputValue.Literal(1.5));
        Send.SetInput("retries", InputValue.Bare(JsonValue.Create(3)));
        Send.SetInput("templateName", new InputValue("String", "Literal", null, IsWrapped: true));
        Send.SetOutput("messageId", new OutputBinding("String", "bbbb000000000001"));
        Send.Position = (12.5, -7.25);

        Assert.Equal(before, _definition.ToJson());
        Assert.Contains("\"value\": 1.50", before, StringComparison.Ordinal);
    }

    [Fact]
    public void Filling_an_empty_expression_adds_only_the_value()
    {
        var before = _definition.ToJson();

        Send.SetInput("templateName", InputValue.Literal("offer_v1"));

        var diff = LineDiff.Between(before, _definition.ToJson());
        Assert.Equal(["            \"type\": \"Literal\""], diff.Removed);
        Assert.Equal(["            \"type\": \"Literal\",", "            \"value\": \"offer_v1\""], diff.Added);
    }

    [Fact]
    public void Changing_the_syntax_changes_type_and_value()
    {
        var before = _definition.ToJson();

        Send.SetInput("text", InputValue.Scriban("Hi {{ customer.first_name }}"));

        var diff = LineDiff.Between(before, _definition.ToJson());
        Assert.Equal(2, diff.Removed.Count);
        Assert.Equal(["            \"type\": \"Scriban\",", "            \"value\": \"Hi {{ customer.first_name }}\""], diff.Added);
    }

    [Fact]
    public void A_wrapped_value_replaces_a_bare_one_and_a_new_input_goes_before_customProperties()
    {
        Send.SetInput("retries", InputValue.Literal(5));
        Send.SetInput("newInput", InputValue.Literal("x"));

        Assert.Equal(InputValue.Literal(5), Send.GetInput("retries"));
        Assert.Equal(InputValue.Literal("x"), Send.GetInput("newInput"));
        var keys = Send.Json.Select(p => p.Key).ToList();
        Assert.Equal(keys.IndexOf("customProperties") - 1, keys.IndexOf("newInput"));
    }

    [Fact]
    public void Setting_a_structural_key_as_a_property_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Send.SetProperty("type", "Elsa.End"));
        Assert.False(Send.RemoveProperty("id"));
        Assert.True(Send.RemoveProperty("campaign"));
        Assert.Null(Send.GetProperty("campaign"));
    }
}
