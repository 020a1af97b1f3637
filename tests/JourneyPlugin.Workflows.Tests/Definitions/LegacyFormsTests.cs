using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Workflows.Tests.Definitions;

/// <summary>Legacy flat connections, case variants and the 3.0 export shape.</summary>
public sealed class LegacyFormsTests
{
    [Fact]
    public void Connections_in_every_form_and_casing_are_read()
    {
        var root = WorkflowDefinition.Parse(Samples.Read(Samples.LegacyConnections)).Root;

        Assert.Equal(
            [
                new ConnectionDefinition("aaaa000000000001", "Done", "aaaa000000000002", "In", "$.root.connections[0]"),
                new ConnectionDefinition("aaaa000000000002", "True", "aaaa000000000003", "In", "$.root.connections[1]"),
                new ConnectionDefinition("aaaa000000000002", "False", "aaaa000000000004", "In", "$.root.connections[2]"),
                new ConnectionDefinition("aaaa000000000003", "Done", "aaaa000000000004", "In", "$.root.connections[3]"),
                new ConnectionDefinition("aaaa000000000004", "Loop", "aaaa000000000001", "In", "$.root.connections[4]"),
            ],
            root.Connections);
    }

    [Fact]
    public void A_case_variant_top_level_key_is_read_and_written_in_place()
    {
        var definition = WorkflowDefinition.Parse(Samples.Read(Samples.LegacyConnections));
        var before = definition.ToJson();

        Assert.Equal("Routes a reply by its text; connections in every form Elsa reads", definition.Description);
        Assert.Equal(4, definition.Version);
        definition.Description = "Routes a reply";

        var diff = LineDiff.Between(before, definition.ToJson());
        Assert.Equal(["  \"Description\": \"Routes a reply by its text; connections in every form Elsa reads\","], diff.Removed);
        Assert.Equal(["  \"Description\": \"Routes a reply\","], diff.Added);
    }

    [Fact]
    public void Disconnect_removes_a_flat_connection()
    {
        var root = WorkflowDefinition.Parse(Samples.Read(Samples.LegacyConnections)).Root;

        Assert.True(root.Disconnect("aaaa000000000001", "Done", "aaaa000000000002"));
        Assert.False(root.Disconnect("aaaa000000000001", "Done", "aaaa000000000002"));

        Assert.Equal(4, root.Connections.Count);
        Assert.Equal("aaaa000000000002", root.Connections[0].SourceActivityId);
    }

    [Fact]
    public void Removing_an_activity_removes_its_connections_in_any_form()
    {
        var definition = WorkflowDefinition.Parse(Samples.Read(Samples.LegacyConnections));

        Assert.True(definition.Root.RemoveActivity("aaaa000000000004"));
        Assert.False(definition.Root.RemoveActivity("aaaa000000000004"));

        Assert.Equal(["aaaa000000000001", "aaaa000000000002", "aaaa000000000003"], definition.Root.Activities.Select(a => a.Id));
        Assert.Equal(
            [
                new ConnectionDefinition("aaaa000000000001", "Done", "aaaa000000000002", "In", "$.root.connections[0]"),
                new ConnectionDefinition("aaaa000000000002", "True", "aaaa000000000003", "In", "$.root.connections[1]"),
            ],
            definition.Root.Connections);
        Assert.Equal("$.root.activities[2]", definition.Root.Activities[2].JsonPath);
    }

    [Fact]
    public void An_Elsa_3_0_export_is_read()
    {
        var definition = WorkflowDefinition.Parse(Samples.Read(Samples.Elsa30Export));
        var root = definition.Root;

        Assert.Equal("HelloWorld-v1", definition.Id);
        Assert.Equal("HelloWorld", definition.DefinitionId);
        Assert.Null(definition.Json["$schema"]);
        Assert.Equal("3.0.0.0", definition.ToolVersion);
        Assert.Equal("Flowchart1", root.Id);
        Assert.Null(root.Name);
        Assert.Equal("WriteLine1", root.StartActivityId);
        Assert.Empty(root.Json["applicationProperties"]!.AsObject());
        Assert.Equal(
            [
                new VariableDefinition("Greeting", "Greeting", "String", false, System.Text.Json.Nodes.JsonValue.Create("Hello"),
                    "Elsa.Workflows.Core.Services.WorkflowStorageDriver, Elsa.Workflows.Core", "$.variables[0]"),
                new VariableDefinition("Counter", "Counter", "Int32", false, System.Text.Json.Nodes.JsonValue.Create(0),
                    "Elsa.Workflows.Core.Services.MemoryStorageDriver, Elsa.Workflows.Core", "$.root.variables[0]"),
            ],
            definition.Variables);
        Assert.Equal([new ConnectionDefinition("WriteLine1", "Done", "WriteLine2", "In", "$.root.connections[0]")], root.Connections);
    }

    [Fact]
    public void Elsa_3_0_activities_keep_their_old_keys_as_properties()
    {
        var first = WorkflowDefinition.Parse(Samples.Read(Samples.Elsa30Export)).Root.Activities[0];

        Assert.Equal("WriteLine1", first.Id);
        Assert.Null(first.Name);
        Assert.Equal(["text", "canStartWorkflow", "runAsynchronously", "applicationProperties"], first.PropertyNames);
        Assert.Equal(InputValue.Literal("Hello World!"), first.GetInput("text"));
        Assert.False(first.CanStartWorkflow);
        Assert.Equal((0, 100), first.Position);
        Assert.Equal((140, 50), first.Size);
    }

    [Fact]
    public void Changing_an_input_that_has_a_memory_reference_keeps_it()
    {
        var definition = WorkflowDefinition.Parse(Samples.Read(Samples.Elsa30Export));
        var before = definition.ToJson();

        definition.Root.Activities[0].SetInput("text", InputValue.Literal("Hello again!"));

        var diff = LineDiff.Between(before, definition.ToJson());
        Assert.Equal(["            \"value\": \"Hello World!\""], diff.Removed);
        Assert.Equal(["            \"value\": \"Hello again!\""], diff.Added);
    }
}
