using System.Globalization;
using JourneyPlugin.Infobip.Sandbox;
using JourneyPlugin.Infobip.Sandbox.Templates;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Runtime;

namespace JourneyPlugin.Server.Cli.DryRun;

/// <summary>Prints a customer's path: each step with its outcome and the message sent, each reply, at simulated time since the start.</summary>
internal static class PathPrinter
{
    public static async Task PrintAsync(TextWriter output, Workflow workflow, ScriptedCustomer customer, WorkflowState state, IReadOnlyList<PathEvent> path, IReadOnlyList<SandboxMessage> sent, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"{customer.Phone}{Name(customer)}").ConfigureAwait(false);
        foreach (var step in path)
        {
            var at = $"  {Offset(step.At - start),12}  ";
            if (step.ActivityId is null)
            {
                await output.WriteLineAsync($"{at}<- reply \"{step.Note}\"").ConfigureAwait(false);
                continue;
            }

            var activity = workflow.Activities.GetValueOrDefault(step.ActivityId);
            var name = activity?.Node.Name ?? step.ActivityId;
            var line = $"{at}{name} [{activity?.Descriptor.DisplayName ?? "?"}] -> {string.Join(", ", step.Outcomes)}";
            if (step.Outputs.GetValueOrDefault("messageId") is { } messageId && sent.FirstOrDefault(m => m.MessageId == messageId) is { } message)
            {
                line += $": {Describe(message)}";
            }
            else if ((step.Outputs.GetValueOrDefault("failureReason") ?? step.Note) is { } reason)
            {
                line += $": {reason}";
            }

            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  {"=",12}  {End(workflow, state, start)}").ConfigureAwait(false);
    }

    private static string End(Workflow workflow, WorkflowState state, DateTimeOffset start) => state.Status switch
    {
        WorkflowStatus.Finished => $"finished at {Offset(state.UpdatedAt - start)}",
        WorkflowStatus.Faulted => $"FAULTED: {state.Fault?.Message}",
        WorkflowStatus.Suspended => $"waits at {string.Join(", ", state.ActivityInstances.Values.Select(a => $"'{workflow.Activities.GetValueOrDefault(a.ActivityId)?.Node.Name ?? a.ActivityId}'").Distinct())}"
            + (state.NextDueAt is { } due ? $" (next timer at {Offset(due - start)})" : " (no timer: only a reply moves it on)"),
        _ => state.Status.ToString(),
    };

    private static string Describe(SandboxMessage message) => message.Kind switch
    {
        SandboxMessageKind.Template => $"template {message.TemplateName} ({message.TemplateLanguage}) \"{TemplateText(message)}\"",
        SandboxMessageKind.Text => $"text \"{message.Text}\"",
        _ => $"{message.Kind.ToString().ToLowerInvariant()}{(message.Text is null ? string.Empty : $" \"{message.Text}\"")}",
    };

    // The body as the customer reads it: the sandbox's catalogue text with the placeholders filled in.
    private static string TemplateText(SandboxMessage message)
    {
        var template = SandboxTemplateCatalog.Default.FirstOrDefault(t => t.Name == message.TemplateName && t.Language == message.TemplateLanguage);
        if (template is null)
        {
            return string.Join(" | ", message.TemplatePlaceholders);
        }

        var text = template.Structure.Body;
        for (var i = 0; i < message.TemplatePlaceholders.Count; i++)
        {
            text = text.Replace($"{{{{{i + 1}}}}}", message.TemplatePlaceholders[i], StringComparison.Ordinal);
        }

        return text;
    }

    private static string Name(ScriptedCustomer customer) =>
        customer.Attributes.Where(a => a.Key is not "phone").Select(a => $"{a.Key}={a.Value?.ToJsonString().Trim('"')}").ToList() is { Count: > 0 } attributes
            ? $" ({string.Join(", ", attributes)})"
            : string.Empty;

    /// <summary><c>+2h</c>, <c>+2d 01:30</c>: simulated time since the start.</summary>
    public static string Offset(TimeSpan offset) => offset.Days > 0
        ? string.Create(CultureInfo.InvariantCulture, $"+{offset.Days}d {offset:hh\\:mm\\:ss}")
        : string.Create(CultureInfo.InvariantCulture, $"+{offset:hh\\:mm\\:ss}");
}
