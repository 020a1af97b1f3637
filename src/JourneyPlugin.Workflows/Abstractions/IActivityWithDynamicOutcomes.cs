namespace JourneyPlugin.Workflows.Abstractions;

/// <summary>An activity whose outcomes depend on its inputs (e.g. one outcome per expected reply).</summary>
public interface IActivityWithDynamicOutcomes
{
    /// <summary>The outcomes this configured activity can complete with, from its literal inputs.</summary>
    IReadOnlyList<string> GetOutcomes();
}
