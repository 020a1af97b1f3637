using System.Globalization;
using JourneyPlugin.Runtime.Storage;
using JourneyPlugin.Workflows.Runtime;

namespace JourneyPlugin.Server.Cli;

/// <summary>A run's funnel as a table: the totals, then each step that counted something, then failures by reason.</summary>
internal static class FunnelTable
{
    public static string Render(RunFunnel funnel, Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        ArgumentNullException.ThrowIfNull(workflow);
        var table = new TextTable("step", "enrolled", "sent", "delivered", "seen", "replied", "timed out", "completed", "failed");
        table.Add(Row("total", funnel.Total));
        foreach (var (activityId, counts) in funnel.Steps.OrderBy(s => Order(workflow, s.Key)))
        {
            var name = workflow.Activities.TryGetValue(activityId, out var activity) ? activity.Node.Name ?? activityId : activityId;
            table.Add(Row(name, counts));
        }

        var text = table.ToString();
        var reasons = funnel.Total.FailedByReason.Where(r => r.Value > 0).OrderByDescending(r => r.Value).ToList();
        return reasons.Count == 0
            ? text
            : text + "failed: " + string.Join(", ", reasons.Select(r => $"{r.Key} {r.Value}")) + Environment.NewLine;
    }

    private static string[] Row(string name, FunnelCounts c) =>
        [name, N(c.Enrolled), N(c.Sent), N(c.Delivered), N(c.Seen), N(c.Replied), N(c.TimedOut), N(c.Completed), N(c.Failed)];

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    // Steps in the order of the file, which is the order a designer reads them in.
    private static int Order(Workflow workflow, string activityId)
    {
        var index = workflow.Definition.Root.Activities.Select(a => a.Id).ToList().IndexOf(activityId);
        return index < 0 ? int.MaxValue : index;
    }
}
