using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Descriptors;

namespace JourneyPlugin.Workflows.Validation;

/// <summary>One activity under validation, and where to report its problems.</summary>
public sealed class ActivityValidationContext
{
    private readonly List<ValidationProblem> _problems;

    internal ActivityValidationContext(WorkflowDefinition definition, ActivityNode node, ActivityDescriptor descriptor, IActivity activity, List<ValidationProblem> problems)
    {
        Definition = definition;
        Node = node;
        Descriptor = descriptor;
        Activity = activity;
        _problems = problems;
    }

    /// <summary>The journey.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>The activity's node in the file.</summary>
    public ActivityNode Node { get; }

    /// <summary>Its type's descriptor.</summary>
    public ActivityDescriptor Descriptor { get; }

    /// <summary>The activity configured from the file (inputs not evaluated).</summary>
    public IActivity Activity { get; }

    /// <summary>Reports a problem at <c>{node path}.{relativePath}</c> (or the node itself when empty).</summary>
    public void Report(string relativePath, string message, ValidationSeverity severity = ValidationSeverity.Error) =>
        _problems.Add(new ValidationProblem(
            Definition.Source,
            string.IsNullOrEmpty(relativePath) ? Node.JsonPath : $"{Node.JsonPath}.{relativePath}",
            message,
            severity,
            Node.Id));
}
