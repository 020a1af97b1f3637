namespace JourneyPlugin.EndToEnd.Tests.Runtime;

/// <summary>
/// Tests that load both cores for tens of seconds (10,000-customer runs) run alone, after the
/// others, so they neither starve the timing-sensitive tests nor are starved by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyTests
{
    public const string Name = "Heavy";
}
