using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Workflows.Tests.Definitions;

public sealed class RoundTripTests
{
    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void A_sample_read_and_written_is_the_same_JSON(string sample)
    {
        var text = Samples.Read(sample);

        var written = WorkflowDefinition.Parse(text, sample).ToJson();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(written)), written);
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void A_file_written_here_and_read_and_written_again_is_byte_identical(string sample)
    {
        var first = WorkflowDefinition.Parse(Samples.Read(sample), sample).ToJson();

        var second = WorkflowDefinition.Parse(first, sample).ToJson();

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Property_order_is_kept_at_every_level(string sample)
    {
        var original = Samples.ReadJson(sample);

        var written = JsonNode.Parse(WorkflowDefinition.Parse(Samples.Read(sample)).ToJson())!;

        Assert.Equal(KeyOrder(original), KeyOrder(written));
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Reading_every_accessor_does_not_change_the_output(string sample)
    {
        var definition = WorkflowDefinition.Parse(Samples.Read(sample));
        var before = definition.ToJson();

        _ = (definition.Id, definition.DefinitionId, definition.Name, definition.Description, definition.Version, definition.Variables);
        _ = (definition.Root.CustomProperties, definition.Root.Metadata, definition.Root.Connections);
        foreach (var activity in definition.Root.Activities)
        {
            _ = (activity.CustomProperties, activity.Metadata, activity.Position, activity.Size, activity.CanStartWorkflow);
            foreach (var name in activity.PropertyNames)
            {
                _ = activity.GetInput(name);
            }
        }

        Assert.Equal(before, definition.ToJson());
    }

    [Fact]
    public void Unknown_keys_survive_at_every_level()
    {
        var written = JsonNode.Parse(WorkflowDefinition.Parse(Samples.Read(Samples.UnknownProperties)).ToJson())!;

        Assert.Equal("growth-team", (string?)written["x-owner"]);
        Assert.Equal("0", (string?)written["x-trailer"]!["checksum"]);
        Assert.Equal("[1,2.0,3e2]", written["options"]!["x-future-option"]!.ToJsonString());
        Assert.Equal(0.75, (double)written["root"]!["x-layout"]!["zoom"]!);
        Assert.True(written["root"]!.AsObject().ContainsKey("x-after-connections"));
        var activity = written["root"]!["activities"]![0]!;
        Assert.Equal("added by a script", (string?)activity["x-comment"]);
        Assert.Equal("liquid", (string?)activity["text"]!["expression"]!["x-hint"]);
        Assert.Equal(1, (int)activity["text"]!["x-wrapped-extra"]!);
        Assert.Equal(3, (int)activity["customProperties"]!["x-retry"]!["max"]!);
        Assert.False((bool)activity["metadata"]!["designer"]!["x-collapsed"]!);
        Assert.Equal("then", (string?)written["root"]!["connections"]![0]!["x-label"]);
        Assert.Equal("right", (string?)written["root"]!["connections"]![0]!["source"]!["x-anchor"]);
        Assert.Equal("import", (string?)written["variables"]![0]!["x-note"]!["set-by"]);
    }

    [Fact]
    public void Editing_an_input_keeps_the_unknown_keys_around_it()
    {
        var definition = WorkflowDefinition.Parse(Samples.Read(Samples.UnknownProperties));
        var before = definition.ToJson();
        var log = definition.Root.Activities[0];

        log.SetInput("text", InputValue.Liquid("Score: {{ Variables.Score }}!"));

        var diff = LineDiff.Between(before, definition.ToJson());
        Assert.Equal(["            \"value\": \"Score: {{ Variables.Score }}\","], diff.Removed);
        Assert.Equal(["            \"value\": \"Score: {{ Variables.Score }}!\","], diff.Added);
        Assert.Equal(["x-comment", "text"], log.PropertyNames);
    }

    [Fact]
    public void Numbers_are_written_as_the_file_spells_them()
    {
        var written = WorkflowDefinition.Parse(Samples.Read(Samples.UnknownProperties)).ToJson();

        Assert.Contains("\"x-future-option\": [\n      1,\n      2.0,\n      3e2\n    ]", written, StringComparison.Ordinal);
    }

    private static List<string> KeyOrder(JsonNode? node, string path = "$")
    {
        var keys = new List<string>();
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    keys.Add($"{path}.{key}");
                    keys.AddRange(KeyOrder(value, $"{path}.{key}"));
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    keys.AddRange(KeyOrder(array[i], $"{path}[{i}]"));
                }

                break;
        }

        return keys;
    }
}
