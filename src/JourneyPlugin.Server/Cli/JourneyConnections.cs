using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Server.Cli;

/// <summary>Points a journey's WhatsApp steps at one connection, in memory (the file is not changed).</summary>
internal static class JourneyConnections
{
    private const string ConnectionInput = "connection";

    /// <summary>
    /// A copy of <paramref name="definition"/> whose steps with a <c>connection</c> input (Send Infobip WhatsApp,
    /// Wait for User Reply) use <paramref name="connection"/>.
    /// </summary>
    public static WorkflowDefinition Use(WorkflowDefinition definition, string connection)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = definition.Json.DeepClone().AsObject();
        if (json["root"]?["activities"] is JsonArray activities)
        {
            foreach (var activity in activities.OfType<JsonObject>().Where(a => a.ContainsKey(ConnectionInput)))
            {
                activity[ConnectionInput] = new JsonObject
                {
                    ["typeName"] = "String",
                    ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = connection },
                };
            }
        }

        return WorkflowDefinition.Parse(json.ToJsonString(), definition.Source);
    }
}
