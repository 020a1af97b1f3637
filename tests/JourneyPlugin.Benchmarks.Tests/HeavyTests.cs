namespace JourneyPlugin.Benchmarks.Tests;

/// <summary>The smoke runs load both cores: they run alone, one after the other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyTests
{
    public const string Name = "Heavy";
}
