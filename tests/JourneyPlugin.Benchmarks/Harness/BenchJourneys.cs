using System.Globalization;
using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Definitions;

namespace JourneyPlugin.Benchmarks.Harness;

/// <summary>The journeys the scenarios run, as Elsa 3 workflow-definition JSON built with the product's <see cref="WorkflowDefinition"/>.</summary>
internal static class BenchJourneys
{
    public const string SendOnly = "bench-send";
    public const string SendOnlyInProcess = "bench-send-local";
    public const string SendThenWait = "bench-wait";
    public const string TimeoutAt = "bench-timeout";

    /// <summary>Start → Send Infobip WhatsApp (a template with two placeholders) over <paramref name="connection"/> → End.</summary>
    public static string SendOnlyJson(string id, string connection)
    {
        var definition = WorkflowDefinition.Create(id, id);
        var flow = definition.Root;
        flow.AddActivity("Elsa.Start", "start");
        SendTemplate(flow, "send", connection);
        flow.AddActivity("Elsa.End", "end");
        flow.Connect("start", "Done", "send");
        flow.Connect("send", "Sent", "end");
        flow.Connect("send", "Failed", "end");
        return definition.ToJson();
    }

    /// <summary>Start → Send → Wait for User Reply (7 days) → End on every outcome.</summary>
    public static string SendThenWaitJson()
    {
        var definition = WorkflowDefinition.Create(SendThenWait, SendThenWait);
        var flow = definition.Root;
        flow.AddActivity("Elsa.Start", "start");
        SendTemplate(flow, "send", BenchServer.Connection);
        Wait(flow, "wait", InputValue.Literal("P7D", "TimeSpan"));
        flow.AddActivity("Elsa.End", "end");
        flow.Connect("start", "Done", "send");
        flow.Connect("send", "Sent", "wait");
        flow.Connect("send", "Failed", "end");
        flow.Connect("wait", "Replied", "end");
        flow.Connect("wait", "Timeout", "end");
        return definition.ToJson();
    }

    /// <summary>
    /// Start → Wait for User Reply whose timeout ends at <paramref name="dueAt"/> for every instance,
    /// whenever it was enrolled (a Scriban duration: the due instant minus now) → End.
    /// </summary>
    public static string TimeoutAtJson(DateTimeOffset dueAt)
    {
        var definition = WorkflowDefinition.Create(TimeoutAt, TimeoutAt);
        var flow = definition.Root;
        flow.AddActivity("Elsa.Start", "start");
        var due = dueAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        Wait(flow, "wait", InputValue.Scriban($"{{{{ (date.parse \"{due}\") - date.utc_now }}}}", "TimeSpan"));
        flow.AddActivity("Elsa.End", "end");
        flow.Connect("start", "Done", "wait");
        flow.Connect("wait", "Timeout", "end");
        flow.Connect("wait", "Replied", "end");
        return definition.ToJson();
    }

    private static void SendTemplate(FlowchartNode flow, string id, string connection)
    {
        var send = flow.AddActivity("Journeys.SendInfobipWhatsApp", id);
        send.SetInput("connection", InputValue.Literal(connection));
        send.SetInput("messageKind", InputValue.Literal("Template", "JourneyPlugin.WhatsApp.Messaging.WhatsAppMessageKind"));
        send.SetInput("templateName", InputValue.Literal("welcome_offer"));
        send.SetInput("language", InputValue.Literal("en"));
        send.SetInput("placeholders", InputValue.LiteralJson(new JsonArray("{{ customer.first_name }}", "{{ customer.promo_code }}"), "List<String>"));
    }

    private static void Wait(FlowchartNode flow, string id, InputValue timeout)
    {
        var wait = flow.AddActivity("Journeys.WaitForUserReply", id);
        wait.SetInput("connection", InputValue.Literal(BenchServer.Connection));
        wait.SetInput("timeout", timeout);
    }
}
