using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Definitions;
using JourneyPlugin.Workflows.Descriptors;

namespace JourneyPlugin.Workflows.Runtime;

/// <summary>An activity of a loaded journey: the configured instance, its type's descriptor and its node in the file.</summary>
/// <param name="Activity">The activity with its inputs set from the file.</param>
/// <param name="Descriptor">Its type's descriptor.</param>
/// <param name="Node">Its node in the definition.</param>
public sealed record WorkflowActivity(IActivity Activity, ActivityDescriptor Descriptor, ActivityNode Node);
