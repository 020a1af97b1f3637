using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Workflows.Tests.Definitions;

/// <summary>Every structural problem is reported with the file, the JSON path and the reason.</summary>
public sealed class FormatErrorTests
{
    private const string File = "welcome.json";

    public static TheoryData<string, Action<JsonObject>> Structure => new()
    {
        { "$.id: required field is missing", d => d.Remove("id") },
        { "$.id: must not be empty", d => d["id"] = "" },
        { "$.definitionId: required field is missing", d => d["definitionId"] = null },
        { "$.definitionId: expected a string, found the number 7", d => d["definitionId"] = 7 },
        { "$.name: expected a string, found an object", d => d["name"] = new JsonObject() },
        { "$.version: expected an integer, found a string", d => d["version"] = "1" },
        { "$.version: expected an integer, found the number 1.5", d => d["version"] = 1.5 },
        { "$.isPublished: expected true or false, found a string", d => d["isPublished"] = "yes" },
        { "$.outcomes: expected an array, found an object", d => d["outcomes"] = new JsonObject() },
        { "$.options: expected an object, found an array", d => d["options"] = new JsonArray() },
        { "$.variables: expected an array, found an object", d => d["variables"] = new JsonObject() },
        { "$.variables[0]: expected a variable object, found a string", d => d["variables"]![0] = "ReplyText" },
        { "$.variables[0].name: required field is missing", d => d["variables"]![0]!.AsObject().Remove("name") },
        { "$.variables[0].isArray: expected true or false, found a string", d => d["variables"]![0]!["isArray"] = "no" },
        { "$.root: required field is missing", d => d.Remove("root") },
        { "$.root: expected an object, found an array", d => d["root"] = new JsonArray() },
        { "$.root.type: required field is missing", d => d["root"]!.AsObject().Remove("type") },
        { "$.root.type: expected 'Elsa.Flowchart', found 'Elsa.Sequence': only flowchart roots are supported", d => d["root"]!["type"] = "Elsa.Sequence" },
        { "$.root.id: required field is missing", d => d["root"]!.AsObject().Remove("id") },
        { "$.root.activities: expected an array, found an object", d => d["root"]!["activities"] = new JsonObject() },
        { "$.root.activities[1]: expected an activity object, found a string", d => d["root"]!["activities"]![1] = "3333cccc4444dddd" },
        { "$.root.activities[1].id: required field is missing", d => d["root"]!["activities"]![1]!.AsObject().Remove("id") },
        { "$.root.activities[1].type: required field is missing", d => d["root"]!["activities"]![1]!.AsObject().Remove("type") },
        { "$.root.activities[1].type: must not be empty", d => d["root"]!["activities"]![1]!["type"] = "" },
        { "$.root.activities[0].version: expected an integer, found a string", d => d["root"]!["activities"]![0]!["version"] = "v1" },
        { "$.root.activities[0].name: expected a string, found a boolean", d => d["root"]!["activities"]![0]!["name"] = true },
        { "$.root.activities[0].customProperties: expected an object, found an array", d => d["root"]!["activities"]![0]!["customProperties"] = new JsonArray() },
        { "$.root.activities[0].metadata.designer.position.x: expected a number, found a string", d => d["root"]!["activities"]![0]!["metadata"]!["designer"]!["position"]!["x"] = "-300" },
        { "$.root.activities[2].id: duplicate activity id '1111aaaa2222bbbb' (also at $.root.activities[0])", d => d["root"]!["activities"]![2]!["id"] = "1111aaaa2222bbbb" },
        { "$.root.connections[0]: expected a connection object, found null", d => d["root"]!["connections"]![0] = null },
        { "$.root.connections[0].source: required field is missing", d => d["root"]!["connections"]![0]!.AsObject().Remove("source") },
        { "$.root.connections[1].target.activity: required field is missing", d => d["root"]!["connections"]![1]!["target"]!.AsObject().Remove("activity") },
        { "$.root.connections[1].target: expected an object or an activity id, found the number 3", d => d["root"]!["connections"]![1]!["target"] = 3 },
        { "$.root.connections[0].source.port: expected a string, found the number 200", d => d["root"]!["connections"]![0]!["source"]!["port"] = 200 },
        { "$.root.variables[0].id: duplicate variable id '9f2b6c0d11e34a77' (also at $.variables[0])", d => d["root"]!["variables"] = JsonNode.Parse("""[{"id":"9f2b6c0d11e34a77","name":"Other","typeName":"String"}]""") },
    };

    [Theory]
    [MemberData(nameof(Structure))]
    public void Structural_problems_name_file_path_and_reason(string expected, Action<JsonObject> breakIt)
    {
        var document = Samples.ReadJson(Samples.Welcome);
        breakIt(document);

        var error = Assert.Throws<WorkflowDefinitionFormatException>(() => WorkflowDefinition.Parse(document.ToJsonString(), File));

        Assert.Equal($"{File}: {expected}", error.Message);
        Assert.Equal(File, error.Source);
        Assert.Equal(expected, $"{error.JsonPath}: {error.Reason}");
    }

    [Theory]
    [InlineData("", "$: not valid JSON: The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true. (line 1, byte 1)")]
    [InlineData("{\n  \"id\": \"x\",\n  \"root\": tru\n}", "$.root: not valid JSON: 'tru\n}' is an invalid JSON literal. Expected the literal 'true'. (line 3, byte 14)")]
    [InlineData("{\n  \"root\": {\n    \"activities\": [\n      {},\n      { \"id\": \"a\", }\n    ]\n  }\n}", "$.root.activities[1].id: not valid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options. (line 5, byte 20)")]
    [InlineData("{ \"id\": \"x\" } {}", "$: not valid JSON: '{' is invalid after a single JSON value. Expected end of data. (line 1, byte 15)")]
    [InlineData("{ // comment\n}", "$: not valid JSON: '/' is invalid after a value. Expected either ',', '}', or ']'. (line 1, byte 3)")]
    [InlineData("{\n  \"root\": {\n    \"name\": \"a\",\n    \"name\": \"b\"\n  }\n}", "$.root.name: duplicate property 'name' (line 4, byte 5)")]
    [InlineData("[]", "$: expected a JSON object, found an array")]
    [InlineData("null", "$: expected a JSON object, found null")]
    [InlineData("\"journey\"", "$: expected a JSON object, found a string")]
    public void Text_that_is_not_a_JSON_object_is_reported_with_its_place(string json, string expected)
    {
        var error = Assert.Throws<WorkflowDefinitionFormatException>(() => WorkflowDefinition.Parse(json, File));

        Assert.Equal($"{File}: {expected}", error.Message);
    }

    [Fact]
    public void Without_a_source_the_message_starts_with_the_path()
    {
        var error = Assert.Throws<WorkflowDefinitionFormatException>(() => WorkflowDefinition.Parse("{}"));

        Assert.Equal("$.id: required field is missing", error.Message);
        Assert.Null(error.Source);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Fact]
    public void A_syntax_error_keeps_the_parser_exception()
    {
        var error = Assert.Throws<WorkflowDefinitionFormatException>(() => WorkflowDefinition.Parse("{", File));

        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public void Wrongly_shaped_inputs_and_outputs_are_reported_when_read()
    {
        var document = Samples.ReadJson(Samples.Welcome);
        document["root"]!["activities"]![0]!["to"]!["expression"] = "{{ Input.PhoneNumber }}";
        document["root"]!["activities"]![0]!["templateName"]!["expression"]!["type"] = 1;
        document["root"]!["activities"]![0]!["messageId"] = "9f2b6c0d11e34a77";
        document["root"]!["activities"]![1]!["replyText"]!["memoryReference"]!["id"] = 5;
        var definition = WorkflowDefinition.Parse(document.ToJsonString(), File);
        var (send, wait) = (definition.Root.Activities[0], definition.Root.Activities[1]);

        Assert.Equal(
            "welcome.json: $.root.activities[0].to.expression: expected an object, found a string",
            Assert.Throws<WorkflowDefinitionFormatException>(() => send.GetInput("to")).Message);
        Assert.Equal(
            "welcome.json: $.root.activities[0].templateName.expression.type: expected a string, found the number 1",
            Assert.Throws<WorkflowDefinitionFormatException>(() => send.GetInput("templateName")).Message);
        Assert.Equal(
            "welcome.json: $.root.activities[0].messageId: expected an output binding object or null, found a string",
            Assert.Throws<WorkflowDefinitionFormatException>(() => send.GetOutput("messageId")).Message);
        Assert.Equal(
            "welcome.json: $.root.activities[1].replyText.memoryReference.id: expected a string, found the number 5",
            Assert.Throws<WorkflowDefinitionFormatException>(() => wait.GetOutput("replyText")).Message);
    }

    [Fact]
    public void Unusual_key_names_are_quoted_in_paths()
    {
        var document = Samples.ReadJson(Samples.Welcome);
        document["root"]!["activities"]![0]!["my input"] = new JsonObject { ["typeName"] = "String", ["expression"] = 1 };
        var definition = WorkflowDefinition.Parse(document.ToJsonString(), File);

        var error = Assert.Throws<WorkflowDefinitionFormatException>(() => definition.Root.Activities[0].GetInput("my input"));

        Assert.Equal("$.root.activities[0]['my input'].expression", error.JsonPath);
    }
}
