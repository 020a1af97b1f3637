using System.Globalization;
using System.Text.Json.Nodes;

namespace JourneyPlugin.Benchmarks.Harness;

/// <summary>The journeys the scenarios run, as Elsa 3 workflow-definition JSON.</summary>
internal static class BenchJourneys
{
    public const string SendOnly = "bench-send";
    public const string SendThenWait = "bench-wait";
    public const string TimeoutAt = "bench-timeout";

    /// <summary>Start → Send Infobip WhatsApp (a template with two placeholders) → End.</summary>
    public static string SendOnlyJson() => Flowchart(
        SendOnly,
        [Activity("start", "Elsa.Start"), SendTemplate("send"), Activity("end", "Elsa.End")],
        [Connect("start", "Done", "send"), Connect("send", "Sent", "end"), Connect("send", "Failed", "end")]);

    /// <summary>Start → Send → Wait for User Reply (7 days) → End on every outcome.</summary>
    public static string SendThenWaitJson() => Flowchart(
        SendThenWait,
        [Activity("start", "Elsa.Start"), SendTemplate("send"), Wait("wait", "Literal", "P7D"), Activity("end", "Elsa.End")],
        [
            Connect("start", "Done", "send"), Connect("send", "Sent", "wait"), Connect("send", "Failed", "end"),
            Connect("wait", "Replied", "end"), Connect("wait", "Timeout", "end"),
        ]);

    /// <summary>
    /// Start → Wait for User Reply whose timeout ends at <paramref name="dueAt"/> for every instance,
    /// whenever it was enrolled (a Scriban duration: the due instant minus now) → End.
    /// </summary>
    public static string TimeoutAtJson(DateTimeOffset dueAt) => Flowchart(
        TimeoutAt,
        [
            Activity("start", "Elsa.Start"),
            Wait("wait", "Scriban", $"{{{{ (date.parse \"{dueAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}\") - date.utc_now }}}}"),
            Activity("end", "Elsa.End"),
        ],
        [Connect("start", "Done", "wait"), Connect("wait", "Timeout", "end"), Connect("wait", "Replied", "end")]);

    private static JsonObject SendTemplate(string id) => Activity(id, "Journeys.SendInfobipWhatsApp", new JsonObject
    {
        ["connection"] = Input("String", "Literal", BenchServer.Connection),
        ["messageKind"] = Input("JourneyPlugin.WhatsApp.Messaging.WhatsAppMessageKind", "Literal", "Template"),
        ["templateName"] = Input("String", "Literal", "welcome_offer"),
        ["language"] = Input("String", "Literal", "en"),
        ["placeholders"] = Input("List<String>", "Literal", new JsonArray("{{ customer.first_name }}", "{{ customer.promo_code }}")),
    });

    private static JsonObject Wait(string id, string syntax, string timeout) => Activity(id, "Journeys.WaitForUserReply", new JsonObject
    {
        ["connection"] = Input("String", "Literal", BenchServer.Connection),
        ["timeout"] = Input("TimeSpan", syntax, timeout),
    });

    private static string Flowchart(string definitionId, JsonArray activities, JsonArray connections) => new JsonObject
    {
        ["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json",
        ["id"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(definitionId)))[..16],
        ["definitionId"] = definitionId,
        ["name"] = definitionId,
        ["version"] = 1,
        ["toolVersion"] = "3.5.0.0",
        ["variables"] = new JsonArray(),
        ["root"] = new JsonObject
        {
            ["id"] = "f0f0f0f0f0f0f0f0",
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["activities"] = activities,
            ["connections"] = connections,
        },
    }.ToJsonString();

    private static JsonObject Activity(string id, string type, JsonObject? properties = null)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1, ["name"] = id };
        foreach (var (key, value) in properties ?? [])
        {
            activity[key] = value?.DeepClone();
        }

        return activity;
    }

    private static JsonObject Input(string typeName, string syntax, JsonNode? value) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = value },
    };

    private static JsonObject Connect(string from, string port, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };
}
