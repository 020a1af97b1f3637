namespace JourneyPlugin.Workflows.Abstractions;

/// <summary>Marks an activity that ends the journey (no outgoing port), as Elsa's interface of the same name.</summary>
#pragma warning disable CA1040 // A marker, as in Elsa.
public interface ITerminalNode
#pragma warning restore CA1040
{
}
