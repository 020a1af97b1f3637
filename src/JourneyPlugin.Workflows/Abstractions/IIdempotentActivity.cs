namespace JourneyPlugin.Workflows.Abstractions;

/// <summary>
/// Marks an activity that may run again after a crash without doing anything its first run did not
/// (it has no side effects, or guards them itself, as a Send step does with its ledger row). A host
/// that persists instances need not save one after such a step: a crash before the next save runs it
/// again, harmlessly.
/// </summary>
#pragma warning disable CA1040 // A marker, as IStartNode and ITerminalNode.
public interface IIdempotentActivity
#pragma warning restore CA1040
{
}
