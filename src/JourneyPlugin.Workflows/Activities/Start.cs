using JourneyPlugin.Workflows.Abstractions;
using JourneyPlugin.Workflows.Attributes;

namespace JourneyPlugin.Workflows.Activities;

/// <summary>Where a flowchart starts.</summary>
[Activity("Elsa", "Flow", "The starting point of a flowchart.")]
public sealed class Start : CodeActivity, IStartNode, IIdempotentActivity
{
}
