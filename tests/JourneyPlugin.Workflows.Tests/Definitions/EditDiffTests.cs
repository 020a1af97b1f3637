using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Workflows.Tests.Definitions;

/// <summary>Edits change only the lines they are about, so journeys in source control diff cleanly.</summary>
public sealed class EditDiffTests
{
    private readonly WorkflowDefinition _definition = WorkflowDefinition.Parse(Samples.Read(Samples.Welcome));
    private readonly string _before;

    public EditDiffTests() => _before = _definition.ToJson();

    private LineDiff Diff => LineDiff.Between(_before, _definition.ToJson());

    [Fact]
    public void Moving_a_node_changes_its_two_coordinates()
    {
        _definition.Root.FindActivity("5555eeee6666ffff")!.Position = (320, -180.5);

        Assert.Equal(["              \"x\": 300,", "              \"y\": -200"], Diff.Removed);
        Assert.Equal(["              \"x\": 320,", "              \"y\": -180.5"], Diff.Added);
    }

    [Fact]
    public void Changing_one_input_changes_one_line()
    {
        _definition.Root.FindActivity("1111aaaa2222bbbb")!.SetInput("templateName", InputValue.Literal("welcome_v3"));

        Assert.Equal(["            \"value\": \"welcome_v2\""], Diff.Removed);
        Assert.Equal(["            \"value\": \"welcome_v3\""], Diff.Added);
    }

    [Fact]
    public void Adding_a_connection_appends_it()
    {
        var connection = _definition.Root.Connect("3333cccc4444dddd", "Timeout", "5555eeee6666ffff");

        Assert.Equal(new ConnectionDefinition("3333cccc4444dddd", "Timeout", "5555eeee6666ffff", "In", "$.root.connections[2]"), connection);
        Assert.Empty(Diff.Removed);
        Assert.Equal(
            [
                "      },",
                "      {",
                "        \"source\": {",
                "          \"activity\": \"3333cccc4444dddd\",",
                "          \"port\": \"Timeout\"",
                "        },",
                "        \"target\": {",
                "          \"activity\": \"5555eeee6666ffff\",",
                "          \"port\": \"In\"",
                "        }",
            ],
            Diff.Added);
    }

    [Fact]
    public void Connecting_twice_adds_one_connection()
    {
        var first = _definition.Root.Connect("1111aaaa2222bbbb", "Sent", "3333cccc4444dddd");

        Assert.Equal("$.root.connections[0]", first.JsonPath);
        Assert.Equal(_before, _definition.ToJson());
    }

    [Fact]
    public void Connecting_an_unknown_activity_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => _definition.Root.Connect("1111aaaa2222bbbb", "Sent", "ffffffffffffffff"));

        Assert.Equal("targetId", error.ParamName);
        Assert.Equal(_before, _definition.ToJson());
    }

    [Fact]
    public void Renaming_the_journey_and_an_activity_changes_their_lines()
    {
        _definition.Name = "Welcome journey (v2)";
        _definition.Root.Activities[1].Name = "WaitForReply";

        Assert.Equal(["  \"name\": \"Welcome journey\",", "        \"name\": \"WaitReply\","], Diff.Removed);
        Assert.Equal(["  \"name\": \"Welcome journey (v2)\",", "        \"name\": \"WaitForReply\","], Diff.Added);
    }

    [Fact]
    public void A_new_description_goes_after_the_name()
    {
        _definition.Description = "Greets new customers";

        Assert.Empty(Diff.Removed);
        Assert.Equal(["  \"description\": \"Greets new customers\","], Diff.Added);
        Assert.Equal(["$schema", "id", "definitionId", "name", "description", "version"], _definition.Json.Select(p => p.Key).Take(6));
    }

    [Fact]
    public void Bumping_the_version_changes_one_line()
    {
        _definition.Version = 2;

        Assert.Equal(["  \"version\": 1,"], Diff.Removed);
        Assert.Equal(["  \"version\": 2,"], Diff.Added);
    }

    [Fact]
    public void Removing_an_activity_removes_it_and_its_connection_only()
    {
        Assert.True(_definition.Root.RemoveActivity("5555eeee6666ffff"));

        Assert.DoesNotContain(Diff.Removed, line => line.Contains("1111aaaa2222bbbb", StringComparison.Ordinal));
        Assert.DoesNotContain(Diff.Added, line => line.Trim() is not ("}" or "},"));
        Assert.Equal(
            [new ConnectionDefinition("1111aaaa2222bbbb", "Sent", "3333cccc4444dddd", "In", "$.root.connections[0]")],
            _definition.Root.Connections);
    }

    [Fact]
    public void Unbinding_and_rebinding_an_output_restores_the_file()
    {
        var wait = _definition.Root.Activities[1];

        wait.SetOutput("replyText", null);
        Assert.Equal(["        \"replyText\": null,"], Diff.Added);
        wait.SetOutput("replyText", new OutputBinding("String", "9f2b6c0d11e34a77"));

        Assert.Equal(_before, _definition.ToJson());
    }
}
