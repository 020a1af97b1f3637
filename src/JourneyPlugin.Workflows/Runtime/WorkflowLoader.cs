using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Descriptors;
using JourneyPlugin.Workflows.Execution;
using JourneyPlugin.Workflows.Models;

namespace JourneyPlugin.Workflows.Runtime;

/// <summary>Turns a workflow definition into a runnable <see cref="Workflow"/>: one configured activity instance per node.</summary>
public sealed class WorkflowLoader(IActivityRegistry registry)
{
    private static readonly MethodInfo CreateInputMethod = typeof(WorkflowLoader).GetMethod(nameof(CreateInput), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Loads <paramref name="definition"/>.</summary>
    /// <exception cref="WorkflowLoadException">An activity type is unknown or a plain input cannot be read.</exception>
    public Workflow Load(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<string>();
        var activities = new Dictionary<string, WorkflowActivity>(StringComparer.Ordinal);
        foreach (var node in definition.Root.Activities)
        {
            var descriptor = registry.Find(node.Type, node.Version);
            if (descriptor is null)
            {
                problems.Add($"{node.JsonPath}.type: unknown activity type '{node.Type}'");
                continue;
            }

            activities[node.Id] = new WorkflowActivity(Configure(node, descriptor, problems), descriptor, node);
        }

        if (problems.Count > 0)
        {
            throw new WorkflowLoadException(definition.Source, problems);
        }

        return new Workflow(definition, activities, FindStart(definition, activities));
    }

    /// <summary>Creates the activity of <paramref name="node"/> with its inputs and outputs set from the file.</summary>
    public static IActivity Configure(ActivityNode node, ActivityDescriptor descriptor, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(problems);
        var activity = descriptor.Constructor();
        activity.Id = node.Id;
        activity.Name = node.Name;
        activity.Version = node.Version;

        foreach (var input in descriptor.Inputs)
        {
            var value = node.GetInput(input.Name);
            if (input.IsWrapped)
            {
                var expression = value is not null
                    ? new Expression(value.ExpressionType, value.Value)
                    : input.DefaultValue is { } defaultValue ? Expression.Literal(ValueConverter.ToJson(defaultValue)) : null;
                if (expression is not null)
                {
                    input.Property.SetValue(activity, CreateInputMethod.MakeGenericMethod(input.ValueType).Invoke(null, [expression]));
                }
            }
            else if (value?.Value is { } json || input.DefaultValue is not null)
            {
                try
                {
                    var raw = value?.Value ?? ValueConverter.ToJson(input.DefaultValue);
                    input.Property.SetValue(activity, ValueConverter.Convert(raw, input.ValueType));
                }
                catch (FormatException e)
                {
                    problems.Add($"{node.JsonPath}.{input.Name}: {e.Message}");
                }
            }
        }

        foreach (var output in descriptor.Outputs)
        {
            var binding = node.GetOutput(output.Name);
            var instance = (Output)Activator.CreateInstance(output.Property.PropertyType)!;
            instance.VariableId = binding?.VariableId;
            output.Property.SetValue(activity, instance);
        }

        return activity;
    }

    private static Input<T> CreateInput<T>(Expression expression) => new(expression);

    private static string? FindStart(WorkflowDefinition definition, Dictionary<string, WorkflowActivity> activities)
    {
        // Elsa's order: an explicit start, a Start activity, one that can start the workflow, the one without inbound connections.
        if (definition.Root.Json["start"] is JsonValue start && start.GetValueKind() == JsonValueKind.String && activities.ContainsKey(start.GetValue<string>()))
        {
            return start.GetValue<string>();
        }

        var startNode = activities.Values.FirstOrDefault(a => a.Descriptor.IsStart);
        if (startNode is not null)
        {
            return startNode.Node.Id;
        }

        var trigger = activities.Values.FirstOrDefault(a => a.Node.CustomProperties["canStartWorkflow"] is JsonValue v && v.GetValueKind() == JsonValueKind.True);
        if (trigger is not null)
        {
            return trigger.Node.Id;
        }

        var targets = definition.Root.Connections.Select(c => c.TargetActivityId).ToHashSet(StringComparer.Ordinal);
        return definition.Root.Activities.Where(a => activities.ContainsKey(a.Id) && !targets.Contains(a.Id)).Select(a => a.Id).FirstOrDefault();
    }
}
