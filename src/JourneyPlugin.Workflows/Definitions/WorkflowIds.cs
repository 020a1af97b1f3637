using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Workflows.Definitions;

/// <summary>New ids in the shape of Elsa's exports: 16 lowercase hexadecimal characters.</summary>
internal static class WorkflowIds
{
    /// <summary>A random id.</summary>
    public static string New() => RandomNumberGenerator.GetHexString(16, lowercase: true);

    /// <summary>A random id not used by any <c>id</c> field anywhere in <paramref name="document"/>.</summary>
    public static string NewUnique(JsonNode document)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        Collect(document, used);
        string id;
        do
        {
            id = New();
        }
        while (used.Contains(id));

        return id;
    }

    // Every "id" counts (activities, flowcharts, variables, the definition), so a new id never collides with any.
    private static void Collect(JsonNode? node, HashSet<string> used)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (string.Equals(name, "id", StringComparison.OrdinalIgnoreCase)
                        && value is JsonValue id && id.GetValueKind() == JsonValueKind.String)
                    {
                        used.Add(id.GetValue<string>());
                    }

                    Collect(value, used);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, used);
                }

                break;
        }
    }
}
