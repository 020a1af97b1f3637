using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Workflows.Tests.Definitions;

/// <summary>The written layout: what source control sees.</summary>
public sealed class WriterTests
{
    [Fact]
    public void Layout_is_two_spaces_LF_and_a_trailing_newline()
    {
        var text = WorkflowDefinition.Parse(Samples.Read(Samples.Welcome).ReplaceLineEndings("\r\n")).ToJson();

        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.False(text.EndsWith("\n\n", StringComparison.Ordinal));
        Assert.StartsWith("{\n  \"$schema\": \"https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json\",\n  \"id\": ", text, StringComparison.Ordinal);
        Assert.Contains("\n    \"activities\": [\n      {\n        \"id\": \"1111aaaa2222bbbb\",", text, StringComparison.Ordinal);
        Assert.Contains("\"inputs\": [],", text, StringComparison.Ordinal);
        Assert.Contains("\"metadata\": {},", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ASCII_emoji_and_HTML_characters_are_written_as_they_are()
    {
        var text = WorkflowDefinition.Parse(Samples.Read(Samples.InputsAndOutputs)).ToJson();

        Assert.Contains("\"name\": \"Chào mừng 👋 <VIP> & friends' \\\"journey\\\" +84\",", text, StringComparison.Ordinal);
        Assert.Contains("\"value\": \"Xin chào {{ name }} 👋🏽 <b>50% off</b> & more: 'today' +1 \\\"only\\\"\\\\n\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u0007", "\\u0007")]
    [InlineData("tab\there", "tab\\there")]
    [InlineData("\u2028", "\\u2028")]
    [InlineData("\\uD83D\\uDE00 is an escaped emoji", "\\\\uD83D\\\\uDE00 is an escaped emoji")]
    [InlineData("\\\ud83d\ude00", "\\\\\ud83d\ude00")]
    [InlineData("𝄞 and 😀😀", "𝄞 and 😀😀")]
    public void Strings_are_escaped_only_where_JSON_or_readability_needs_it(string value, string written)
    {
        var definition = WorkflowDefinition.Create("j", "J");
        definition.Description = value;

        var text = definition.ToJson();

        Assert.Contains($"\"description\": \"{written}\",", text, StringComparison.Ordinal);
        Assert.Equal(value, WorkflowDefinition.Parse(text).Description);
        Assert.Equal(text, WorkflowDefinition.Parse(text).ToJson());
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var definition = WorkflowDefinition.Parse("\uFEFF" + Samples.Read(Samples.Welcome));

        Assert.Equal("welcome-journey", definition.DefinitionId);
    }

    [Fact]
    public void Objects_added_by_reading_an_accessor_are_written_only_once_used()
    {
        var document = Samples.ReadJson(Samples.Welcome);
        var activity = document["root"]!["activities"]![2]!.AsObject();
        activity.Remove("customProperties");
        activity.Remove("metadata");
        var definition = WorkflowDefinition.Parse(document.ToJsonString());
        var before = definition.ToJson();
        var log = definition.Root.Activities[2];

        Assert.Empty(log.CustomProperties);
        Assert.Empty(log.Metadata);
        Assert.Null(log.Position);
        Assert.False(log.CanStartWorkflow);
        Assert.Equal(before, definition.ToJson());
        Assert.True(log.Json.ContainsKey("customProperties"));

        log.Position = (1, 2);
        log.CustomProperties["note"] = "x";

        Assert.Equal(
            ["id", "nodeId", "name", "type", "version", "text", "customProperties", "metadata"],
            JsonNode.Parse(definition.ToJson())!["root"]!["activities"]![2]!.AsObject().Select(p => p.Key));
        Assert.Equal((1, 2), WorkflowDefinition.Parse(definition.ToJson()).Root.Activities[2].Position);
    }

    [Fact]
    public void Removing_the_position_keeps_the_size()
    {
        var definition = WorkflowDefinition.Parse(Samples.Read(Samples.Welcome));
        var send = definition.Root.Activities[0];

        send.Position = null;

        Assert.Null(send.Position);
        Assert.Equal((220, 60), send.Size);
    }
}
