using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Tests.Fixtures;

/// <summary>Builds small Elsa 3 workflow-definition JSON documents for tests.</summary>
internal static class Journeys
{
    public static string Flowchart(JsonArray activities, JsonArray connections, JsonArray? variables = null) => new JsonObject
    {
        ["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
        ["id"] = "0123456789abcdef",
        ["definitionId"] = "test-journey",
        ["name"] = "Test journey",
        ["version"] = 1,
        ["toolVersion"] = "3.5.0.0",
        ["variables"] = variables ?? [],
        ["root"] = new JsonObject
        {
            ["id"] = "f0f0f0f0f0f0f0f0",
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["activities"] = activities,
            ["connections"] = connections,
        },
    }.ToJsonString();

    public static JsonObject Activity(string id, string type, JsonObject? properties = null)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (key, value) in properties ?? [])
        {
            activity[key] = value?.DeepClone();
        }

        return activity;
    }

    public static JsonObject Input(string typeName, string syntax, JsonNode? value) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = value },
    };

    public static JsonObject Connect(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    public static JsonObject Variable(string id, string name, string typeName = "String", JsonNode? value = null) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["typeName"] = typeName,
        ["isArray"] = false,
        ["value"] = value,
        ["storageDriverTypeName"] = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core",
    };

    public static JsonObject Output(string variableId) => new()
    {
        ["typeName"] = "Object",
        ["memoryReference"] = new JsonObject { ["id"] = variableId },
    };
}
