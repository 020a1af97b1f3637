using System.Text.Json.Nodes;

namespace JourneyPlugin.Server.Tests.Journeys;

/// <summary>Journeys as the designer sends them: Elsa 3 workflow-definition JSON.</summary>
internal static class JourneyJson
{
    /// <summary>Start → send the sandbox's <c>welcome_offer</c> template → End, in Elsa Studio's layout (positions included).</summary>
    public static string SendTemplate(string definitionId, string name) => $$$"""
        {
          "$schema": "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
          "id": "5c1e0d2a9b7f4e31",
          "definitionId": "{{{definitionId}}}",
          "name": "{{{name}}}",
          "version": 1,
          "toolVersion": "3.5.0.0",
          "variables": [],
          "isPublished": true,
          "root": {
            "id": "0f3b6c1d2e4a5b68",
            "nodeId": "Workflow1:0f3b6c1d2e4a5b68",
            "name": "Flowchart1",
            "type": "Elsa.Flowchart",
            "version": 1,
            "customProperties": { "notFoundConnections": [], "canStartWorkflow": false, "runAsynchronously": false },
            "metadata": {},
            "activities": [
              {
                "id": "a1000000000000a1",
                "nodeId": "Workflow1:0f3b6c1d2e4a5b68:a1000000000000a1",
                "name": "Start1",
                "type": "Elsa.Start",
                "version": 1,
                "customProperties": { "canStartWorkflow": true, "runAsynchronously": false },
                "metadata": { "designer": { "position": { "x": -420, "y": 80.5 }, "size": { "width": 101.21875, "height": 50 } } }
              },
              {
                "id": "a2000000000000a2",
                "nodeId": "Workflow1:0f3b6c1d2e4a5b68:a2000000000000a2",
                "name": "Send welcome",
                "type": "Journeys.SendInfobipWhatsApp",
                "version": 1,
                "customProperties": { "canStartWorkflow": false, "runAsynchronously": false },
                "metadata": { "designer": { "position": { "x": -180, "y": 80.5 }, "size": { "width": 220, "height": 50 } } },
                "connection": { "typeName": "String", "expression": { "type": "Literal", "value": "sandbox" } },
                "messageKind": { "typeName": "String", "expression": { "type": "Literal", "value": "Template" } },
                "templateName": { "typeName": "String", "expression": { "type": "Literal", "value": "welcome_offer" } },
                "language": { "typeName": "String", "expression": { "type": "Literal", "value": "en" } },
                "placeholders": { "typeName": "String[]", "expression": { "type": "Literal", "value": ["{{ customer.first_name }}", "{{ customer.promo_code }}"] } }
              },
              {
                "id": "a3000000000000a3",
                "nodeId": "Workflow1:0f3b6c1d2e4a5b68:a3000000000000a3",
                "name": "End1",
                "type": "Elsa.End",
                "version": 1,
                "customProperties": { "canStartWorkflow": false, "runAsynchronously": false },
                "metadata": { "designer": { "position": { "x": 120, "y": 80.5 }, "size": { "width": 90, "height": 50 } } }
              }
            ],
            "variables": [],
            "connections": [
              { "source": { "activity": "a1000000000000a1", "port": "Done" }, "target": { "activity": "a2000000000000a2", "port": "In" }, "vertices": [] },
              { "source": { "activity": "a2000000000000a2", "port": "Sent" }, "target": { "activity": "a3000000000000a3", "port": "In" }, "vertices": [{ "x": -20, "y": 105 }] }
            ]
          }
        }
        """;

    /// <summary><see cref="SendTemplate"/> as a node, to break on purpose.</summary>
    public static JsonObject SendTemplateNode(string definitionId, string name) => (JsonObject)JsonNode.Parse(SendTemplate(definitionId, name))!;

    /// <summary>The activity <paramref name="index"/> of <paramref name="journey"/>.</summary>
    public static JsonObject Activity(JsonObject journey, int index) => (JsonObject)journey["root"]!["activities"]![index]!;

    /// <summary>A wrapped literal input.</summary>
    public static JsonObject Literal(string typeName, JsonNode? value) => new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
}
