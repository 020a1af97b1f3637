using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Workflows.Tests.Definitions;

/// <summary>The example of elsa.md §3.6, read through the typed accessors.</summary>
public sealed class WelcomeJourneyTests
{
    private readonly WorkflowDefinition _definition = WorkflowDefinition.Parse(Samples.Read(Samples.Welcome), Samples.Welcome);

    [Fact]
    public void Top_level_fields()
    {
        Assert.Equal(Samples.Welcome, _definition.Source);
        Assert.Equal("7c1e0a5b2d9f4e31", _definition.Id);
        Assert.Equal("welcome-journey", _definition.DefinitionId);
        Assert.Equal("Welcome journey", _definition.Name);
        Assert.Null(_definition.Description);
        Assert.Equal(1, _definition.Version);
        Assert.Equal("3.5.0.0", _definition.ToolVersion);
        Assert.Equal(WorkflowDefinition.SchemaUrl, (string?)_definition.Json["$schema"]);
    }

    [Fact]
    public void Variables_know_their_path()
    {
        var variable = Assert.Single(_definition.Variables);

        Assert.Equal(
            new VariableDefinition(
                "9f2b6c0d11e34a77", "ReplyText", "String", IsArray: false, Value: null,
                "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core", "$.variables[0]"),
            variable);
        Assert.Empty(_definition.Root.Variables);
    }

    [Fact]
    public void Flowchart_root()
    {
        var root = _definition.Root;

        Assert.Equal("a0b1c2d3e4f50617", root.Id);
        Assert.Equal("Workflow1:a0b1c2d3e4f50617", root.NodeId);
        Assert.Equal("Flowchart1", root.Name);
        Assert.Equal("Elsa.Flowchart", root.Type);
        Assert.Equal(1, root.Version);
        Assert.Equal("$.root", root.JsonPath);
        Assert.Null(root.StartActivityId);
        Assert.Empty(root.Metadata);
        Assert.Equal("[]", root.CustomProperties["notFoundConnections"]!.ToJsonString());
        Assert.Equal(["1111aaaa2222bbbb", "3333cccc4444dddd", "5555eeee6666ffff"], root.Activities.Select(a => a.Id));
    }

    [Fact]
    public void Send_activity()
    {
        var send = _definition.Root.Activities[0];

        Assert.Equal("1111aaaa2222bbbb", send.Id);
        Assert.Equal("Workflow1:a0b1c2d3e4f50617:1111aaaa2222bbbb", send.NodeId);
        Assert.Equal("SendWelcome", send.Name);
        Assert.Equal("Journeys.SendInfobipWhatsApp", send.Type);
        Assert.Equal(1, send.Version);
        Assert.Equal("$.root.activities[0]", send.JsonPath);
        Assert.False(send.CanStartWorkflow);
        Assert.False(send.RunAsynchronously);
        Assert.Equal((-300, -120), send.Position);
        Assert.Equal((220, 60), send.Size);
        Assert.Equal(["to", "templateName", "messageId"], send.PropertyNames);
        Assert.Equal(new InputValue("String", "Liquid", JsonValue.Create("{{ Input.PhoneNumber }}"), IsWrapped: true), send.GetInput("to"));
        Assert.Equal(InputValue.Literal("welcome_v2"), send.GetInput("templateName"));
        Assert.Null(send.GetInput("messageId"));
        Assert.Null(send.GetOutput("messageId"));
        Assert.Null(send.GetInput("missing"));
    }

    [Fact]
    public void Wait_activity()
    {
        var wait = _definition.Root.Activities[1];

        Assert.Equal("WaitReply", wait.Name);
        Assert.Equal("Journeys.WaitForUserReply", wait.Type);
        Assert.Equal("$.root.activities[1]", wait.JsonPath);
        Assert.Equal((0, -120), wait.Position);
        Assert.Equal(["from", "timeout", "replyText"], wait.PropertyNames);
        Assert.Equal(InputValue.Literal("1.00:00:00", "TimeSpan"), wait.GetInput("timeout"));
        Assert.Equal(new OutputBinding("String", "9f2b6c0d11e34a77"), wait.GetOutput("replyText"));
    }

    [Fact]
    public void Log_activity_without_size()
    {
        var log = _definition.Root.Activities[2];

        Assert.Equal("Elsa.WriteLine", log.Type);
        Assert.Equal("$.root.activities[2]", log.JsonPath);
        Assert.Equal((300, -200), log.Position);
        Assert.Null(log.Size);
        Assert.Equal(InputValue.Create("JavaScript", JsonValue.Create("`Got: ${variables.ReplyText}`"), "String"), log.GetInput("text"));
        Assert.Equal("`Got: ${variables.ReplyText}`", log.GetInput("text")!.Text);
    }

    [Fact]
    public void Connections()
    {
        Assert.Equal(
            [
                new ConnectionDefinition("1111aaaa2222bbbb", "Sent", "3333cccc4444dddd", "In", "$.root.connections[0]"),
                new ConnectionDefinition("3333cccc4444dddd", "Replied", "5555eeee6666ffff", "In", "$.root.connections[1]"),
            ],
            _definition.Root.Connections);
    }

    [Fact]
    public void Activity_nodes_are_the_same_instance_on_every_access()
    {
        Assert.Same(_definition.Root.Activities[1], _definition.Root.FindActivity("3333cccc4444dddd"));
        Assert.Null(_definition.Root.FindActivity("nope"));
    }

    [Fact]
    public void Input_values_are_copies_that_do_not_write_through()
    {
        var input = _definition.Root.Activities[0].GetInput("to")!;

        Assert.Null(input.Value!.Parent);
    }
}
