namespace JourneyPlugin.Workflows.Abstractions;

/// <summary>Marks an activity where a flowchart starts (no inbound port), as Elsa's interface of the same name.</summary>
#pragma warning disable CA1040 // A marker, as in Elsa.
public interface IStartNode
#pragma warning restore CA1040
{
}
