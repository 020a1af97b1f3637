using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Workflows.Tests.Definitions;

public sealed partial class CreateTests
{
    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex HexId();

    [Fact]
    public void A_new_journey_has_the_shape_of_the_reference_example()
    {
        var created = WorkflowDefinition.Create("welcome-journey", "Welcome journey");
        var example = Samples.ReadJson(Samples.Welcome);

        Assert.Equal(example.Select(p => p.Key), created.Json.Select(p => p.Key));
        Assert.Equal(example["root"]!.AsObject().Select(p => p.Key), created.Root.Json.Select(p => p.Key));
        Assert.Matches(HexId(), created.Id);
        Assert.Matches(HexId(), created.Root.Id);
        Assert.NotEqual(created.Id, created.Root.Id);
        Assert.Equal("welcome-journey", created.DefinitionId);
        Assert.Equal("Welcome journey", created.Name);
        Assert.Equal(1, created.Version);
        Assert.Equal("3.5.0.0", created.ToolVersion);
        Assert.Equal(WorkflowDefinition.SchemaUrl, (string?)created.Json["$schema"]);
        Assert.Equal($"Workflow1:{created.Root.Id}", created.Root.NodeId);
        Assert.Equal("Flowchart1", created.Root.Name);
        Assert.Null(created.Source);
        Assert.Empty(created.Root.Activities);
        Assert.Empty(created.Root.Connections);
        Assert.Empty(created.Variables);

        // Everything but the ids and the activities' content is as in the example.
        var normalized = created.Json.DeepClone().AsObject();
        normalized["id"] = example["id"]!.DeepClone();
        normalized["root"]!["id"] = example["root"]!["id"]!.DeepClone();
        normalized["root"]!["nodeId"] = example["root"]!["nodeId"]!.DeepClone();
        var expected = example.DeepClone().AsObject();
        expected["variables"] = new JsonArray();
        expected["root"]!["activities"] = new JsonArray();
        expected["root"]!["connections"] = new JsonArray();
        Assert.True(JsonNode.DeepEquals(expected, normalized), normalized.ToJsonString());
    }

    [Fact]
    public void A_new_journey_parses_and_round_trips_byte_identically()
    {
        var text = WorkflowDefinition.Create("j", "J").ToJson();

        var reread = WorkflowDefinition.Parse(text);

        Assert.Equal(text, reread.ToJson());
        Assert.Equal(text, WorkflowDefinition.Parse(reread.ToJson()).ToJson());
    }

    [Fact]
    public void Added_activities_have_Elsa_ids_names_and_designer_data()
    {
        var definition = WorkflowDefinition.Create("j", "J");
        var root = definition.Root;

        var send = root.AddActivity("Journeys.SendInfobipWhatsApp", x: -300, y: -120);
        var second = root.AddActivity("Journeys.SendInfobipWhatsApp");
        var set = root.AddActivity("Elsa.SetVariable<System.String>", id: "my-id", x: 10.5);

        Assert.Matches(HexId(), send.Id);
        Assert.Matches(HexId(), second.Id);
        Assert.NotEqual(send.Id, second.Id);
        Assert.Equal($"Workflow1:{root.Id}:{send.Id}", send.NodeId);
        Assert.Equal(["SendInfobipWhatsApp1", "SendInfobipWhatsApp2", "SetVariable1"], root.Activities.Select(a => a.Name));
        Assert.Equal("my-id", set.Id);
        Assert.Equal("Journeys.SendInfobipWhatsApp", send.Type);
        Assert.Equal(1, send.Version);
        Assert.Equal((-300, -120), send.Position);
        Assert.Equal((10.5, 0), set.Position);
        Assert.Null(send.Size);
        Assert.Equal("""{"canStartWorkflow":false,"runAsynchronously":false}""", send.CustomProperties.ToJsonString());
        Assert.Equal("""{"designer":{"position":{"x":-300,"y":-120}}}""", send.Metadata.ToJsonString());
        Assert.Equal("$.root.activities[2]", set.JsonPath);
        Assert.Same(send, root.Activities[0]);
    }

    [Fact]
    public void A_journey_built_in_code_round_trips()
    {
        var definition = WorkflowDefinition.Create("welcome-journey", "Welcome journey");
        var reply = definition.AddVariable("ReplyText", "String");
        var send = definition.Root.AddActivity("Journeys.SendInfobipWhatsApp");
        send.SetInput("to", InputValue.Liquid("{{ Input.PhoneNumber }}"));
        send.SetInput("templateName", InputValue.Literal("welcome_v2"));
        send.SetOutput("messageId", null);
        var wait = definition.Root.AddActivity("Journeys.WaitForUserReply", x: 300);
        wait.SetOutput("replyText", new OutputBinding("String", reply.Id));
        wait.Size = (220, 60);
        definition.Root.Connect(send.Id, "Sent", wait.Id);

        var text = definition.ToJson();
        var reread = WorkflowDefinition.Parse(text, "built.json");

        Assert.Equal(text, reread.ToJson());
        Assert.Equal(new VariableDefinition(reply.Id, "ReplyText", "String", false, null, VariableDefinition.WorkflowInstanceStorageDriver, "$.variables[0]"), reply);
        Assert.Equal(InputValue.Liquid("{{ Input.PhoneNumber }}"), reread.Root.Activities[0].GetInput("to"));
        Assert.Equal(new OutputBinding("String", reply.Id), reread.Root.Activities[1].GetOutput("replyText"));
        Assert.Equal((220, 60), reread.Root.Activities[1].Size);
        Assert.Equal([new ConnectionDefinition(send.Id, "Sent", wait.Id, "In", "$.root.connections[0]")], reread.Root.Connections);
        Assert.Equal(["id", "nodeId", "name", "type", "version", "to", "templateName", "messageId", "customProperties", "metadata"], send.Json.Select(p => p.Key));
    }

    [Fact]
    public void New_ids_do_not_collide_with_any_id_in_the_file()
    {
        var definition = WorkflowDefinition.Parse(Samples.Read(Samples.Welcome));

        var ids = Enumerable.Range(0, 50).Select(_ => definition.Root.AddActivity("Elsa.WriteLine").Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain("7c1e0a5b2d9f4e31", ids);
        Assert.All(ids, id => Assert.Matches(HexId(), id));
    }

    [Fact]
    public void A_duplicate_id_or_name_is_refused()
    {
        var definition = WorkflowDefinition.Parse(Samples.Read(Samples.Welcome));

        var activity = Assert.Throws<ArgumentException>(() => definition.Root.AddActivity("Elsa.WriteLine", "1111aaaa2222bbbb"));
        var variable = Assert.Throws<ArgumentException>(() => definition.AddVariable("ReplyText"));

        Assert.Equal("id", activity.ParamName);
        Assert.Equal("name", variable.ParamName);
        Assert.Equal(3, definition.Root.Activities.Count);
    }

    [Fact]
    public void Variables_are_added_and_removed()
    {
        var definition = WorkflowDefinition.Parse(Samples.Read(Samples.UnknownProperties));

        var added = definition.AddVariable("Count", "Int32", value: JsonValue.Create(0));

        Assert.Equal(["Score", "Count", "Local"], definition.Variables.Select(v => v.Name));
        Assert.Equal("$.variables[1]", added.JsonPath);
        Assert.True(definition.RemoveVariable("dddd000000000002"));
        Assert.True(definition.RemoveVariable(added.Id));
        Assert.False(definition.RemoveVariable(added.Id));
        Assert.Equal(["Score"], definition.Variables.Select(v => v.Name));
    }
}
