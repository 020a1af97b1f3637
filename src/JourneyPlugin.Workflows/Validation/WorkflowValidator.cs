using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Descriptors;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Expressions;
using JourneyPlugin.Workflows.Models;
using JourneyPlugin.Workflows.Runtime;

namespace JourneyPlugin.Workflows.Validation;

/// <summary>
/// Checks a journey before it runs: unknown activity types, missing required inputs, values of the
/// wrong type, connections to missing steps or ports, unreachable steps, loops without a wait,
/// template syntax, and whatever the activities' own validators check.
/// </summary>
public sealed class WorkflowValidator(IActivityRegistry registry, ITemplateRenderer templates, IEnumerable<IActivityValidator> activityValidators)
{
    /// <summary>Validates <paramref name="definition"/>.</summary>
    public async Task<WorkflowValidationResult> ValidateAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<ValidationProblem>();
        var source = definition.Source;
        var activities = new Dictionary<string, (ActivityNode Node, ActivityDescriptor Descriptor, IActivity Activity)>(StringComparer.Ordinal);

        foreach (var node in definition.Root.Activities)
        {
            var descriptor = registry.Find(node.Type, node.Version);
            if (descriptor is null)
            {
                problems.Add(new(source, $"{node.JsonPath}.type", $"unknown activity type '{node.Type}'{Suggest(node.Type)}", ActivityId: node.Id));
                continue;
            }

            var loadProblems = new List<string>();
            var activity = WorkflowLoader.Configure(node, descriptor, loadProblems);
            problems.AddRange(loadProblems.Select(p => Problem(source, p, node.Id)));
            activities[node.Id] = (node, descriptor, activity);
            CheckInputs(source, node, descriptor, problems);

            var context = new ActivityValidationContext(definition, node, descriptor, activity, problems);
            foreach (var validator in activityValidators.Where(v => v.CanValidate(descriptor.TypeName)))
            {
                await validator.ValidateAsync(context, cancellationToken).ConfigureAwait(false);
            }
        }

        CheckConnections(definition, activities, problems);
        CheckGraph(definition, activities, problems);
        return new WorkflowValidationResult(problems);
    }

    private void CheckInputs(string? source, ActivityNode node, ActivityDescriptor descriptor, List<ValidationProblem> problems)
    {
        foreach (var input in descriptor.Inputs)
        {
            var path = $"{node.JsonPath}.{input.Name}";
            var value = node.GetInput(input.Name);
            var isEmpty = value?.Value is null || (value.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()));
            if (input.IsRequired && isEmpty && input.DefaultValue is null)
            {
                problems.Add(new(source, path, $"'{input.DisplayName}' is required", ActivityId: node.Id));
                continue;
            }

            if (value is null || !input.IsWrapped)
            {
                continue;
            }

            var valuePath = value.IsWrapped ? $"{path}.expression.value" : path;
            switch (value.ExpressionType)
            {
                case ExpressionTypes.Literal when !isEmpty:
                    try
                    {
                        ValueConverter.Convert(value.Value, input.ValueType);
                    }
                    catch (FormatException e)
                    {
                        problems.Add(new(source, valuePath, $"'{input.DisplayName}': {e.Message}", ActivityId: node.Id));
                    }

                    break;
                case ExpressionTypes.Scriban or ExpressionTypes.Liquid:
                    var syntax = value.ExpressionType == ExpressionTypes.Scriban ? TemplateSyntax.Scriban : TemplateSyntax.Liquid;
                    var text = value.Value is JsonValue t && t.TryGetValue<string>(out var s) ? s : string.Empty;

                    // Conditions and numbers are bare expressions; check them as the expression of a template.
                    var template = InputEvaluator.IsTemplate(input.ValueType, text) ? text : $"{{{{ {text} }}}}";
                    foreach (var diagnostic in templates.Check(template, syntax))
                    {
                        problems.Add(new(source, valuePath, $"{value.ExpressionType} syntax error at line {diagnostic.Line}, column {diagnostic.Column}: {diagnostic.Message}", ActivityId: node.Id));
                    }

                    break;
                case ExpressionTypes.Literal or ExpressionTypes.Object or ExpressionTypes.Variable:
                    break;
                default:
                    problems.Add(new(source, $"{path}.expression.type", $"the expression type '{value.ExpressionType}' is not supported; use {string.Join(", ", ExpressionTypes.Supported)}", ActivityId: node.Id));
                    break;
            }
        }
    }

    private static void CheckConnections(WorkflowDefinition definition, Dictionary<string, (ActivityNode Node, ActivityDescriptor Descriptor, IActivity Activity)> activities, List<ValidationProblem> problems)
    {
        var source = definition.Source;
        var known = definition.Root.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var connection in definition.Root.Connections)
        {
            if (!known.Contains(connection.SourceActivityId))
            {
                problems.Add(new(source, $"{connection.JsonPath}.source", $"connects from '{connection.SourceActivityId}', which is not a step of this journey"));
            }
            else if (activities.TryGetValue(connection.SourceActivityId, out var from))
            {
                var ports = PortsOf(from.Descriptor, from.Activity);
                if (!ports.Contains(connection.SourcePort, StringComparer.Ordinal))
                {
                    problems.Add(new(source, $"{connection.JsonPath}.source", ports.Count == 0
                        ? $"'{Label(from.Node)}' ({from.Descriptor.DisplayName}) has no outgoing ports"
                        : $"'{Label(from.Node)}' ({from.Descriptor.DisplayName}) has no port '{connection.SourcePort}'; its ports are {string.Join(", ", ports)}", ActivityId: from.Node.Id));
                }
            }

            if (!known.Contains(connection.TargetActivityId))
            {
                problems.Add(new(source, $"{connection.JsonPath}.target", $"connects to '{connection.TargetActivityId}', which is not a step of this journey"));
            }
            else if (connection.TargetPort != Outcomes.In)
            {
                problems.Add(new(source, $"{connection.JsonPath}.target", $"connects to port '{connection.TargetPort}'; steps are entered through 'In'"));
            }
            else if (activities.TryGetValue(connection.TargetActivityId, out var to) && to.Descriptor.IsStart)
            {
                problems.Add(new(source, $"{connection.JsonPath}.target", $"connects into '{Label(to.Node)}', a start, which has no inbound port", ActivityId: to.Node.Id));
            }
        }
    }

    private static void CheckGraph(WorkflowDefinition definition, Dictionary<string, (ActivityNode Node, ActivityDescriptor Descriptor, IActivity Activity)> activities, List<ValidationProblem> problems)
    {
        var source = definition.Source;
        if (definition.Root.Activities.Count == 0)
        {
            problems.Add(new(source, $"{definition.Root.JsonPath}.activities", "the journey has no steps"));
            return;
        }

        var next = definition.Root.Connections
            .Where(c => activities.ContainsKey(c.SourceActivityId) && activities.ContainsKey(c.TargetActivityId))
            .GroupBy(c => c.SourceActivityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.TargetActivityId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var starts = activities.Values.Where(a => a.Descriptor.IsStart).Select(a => a.Node.Id).ToList();
        if (starts.Count == 0)
        {
            var targets = next.Values.SelectMany(t => t).ToHashSet(StringComparer.Ordinal);
            starts = activities.Keys.Where(id => !targets.Contains(id)).Take(1).ToList();
        }

        if (starts.Count == 0)
        {
            problems.Add(new(source, $"{definition.Root.JsonPath}.activities", "the journey has no start: add a Start step"));
        }
        else if (activities.Values.Count(a => a.Descriptor.IsStart) > 1)
        {
            problems.Add(new(source, $"{definition.Root.JsonPath}.activities", "the journey has more than one Start step"));
        }

        var reached = new HashSet<string>(starts, StringComparer.Ordinal);
        var queue = new Queue<string>(starts);
        while (queue.TryDequeue(out var id))
        {
            foreach (var target in next.GetValueOrDefault(id) ?? [])
            {
                if (reached.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        foreach (var node in definition.Root.Activities.Where(a => activities.ContainsKey(a.Id) && !reached.Contains(a.Id)))
        {
            problems.Add(new(source, node.JsonPath, $"'{Label(node)}' cannot be reached from the start", ValidationSeverity.Warning, node.Id));
        }

        foreach (var cycle in StronglyConnected(activities.Keys, next).Where(c => c.Count > 1 || next.GetValueOrDefault(c[0])?.Contains(c[0]) == true))
        {
            if (cycle.All(id => !activities[id].Descriptor.MaySuspend))
            {
                var first = activities[cycle[0]].Node;
                problems.Add(new(source, first.JsonPath, $"the loop through {string.Join(" → ", cycle.Select(id => $"'{Label(activities[id].Node)}'"))} has no wait or delay and would run forever", ActivityId: first.Id));
            }
        }
    }

    /// <summary>The outgoing ports of a configured activity.</summary>
    public static IReadOnlyList<string> PortsOf(ActivityDescriptor descriptor, IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return activity is IActivityWithDynamicOutcomes dynamic
            ? dynamic.GetOutcomes()
            : descriptor.Ports.Select(p => p.Name).ToList();
    }

    // Tarjan's algorithm: each strongly connected component is a set of steps that can loop.
    private static List<List<string>> StronglyConnected(IEnumerable<string> nodes, Dictionary<string, List<string>> next)
    {
        var index = 0;
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLinks = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<List<string>>();

        void Visit(string node)
        {
            indexes[node] = lowLinks[node] = index++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var target in next.GetValueOrDefault(node) ?? [])
            {
                if (!indexes.TryGetValue(target, out var targetIndex))
                {
                    Visit(target);
                    lowLinks[node] = Math.Min(lowLinks[node], lowLinks[target]);
                }
                else if (onStack.Contains(target))
                {
                    lowLinks[node] = Math.Min(lowLinks[node], targetIndex);
                }
            }

            if (lowLinks[node] == indexes[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                component.Reverse();
                components.Add(component);
            }
        }

        foreach (var node in nodes)
        {
            if (!indexes.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;
    }

    private static ValidationProblem Problem(string? source, string problem, string activityId)
    {
        var colon = problem.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? new(source, problem[..colon], problem[(colon + 2)..], ActivityId: activityId) : new(source, "$", problem, ActivityId: activityId);
    }

    private string Suggest(string typeName)
    {
        var name = typeName[(typeName.LastIndexOf('.') + 1)..];
        var match = registry.Descriptors.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
        return match is null ? string.Empty : $"; did you mean '{match.TypeName}'?";
    }

    private static string Label(ActivityNode node) => node.Name ?? node.Id;
}
