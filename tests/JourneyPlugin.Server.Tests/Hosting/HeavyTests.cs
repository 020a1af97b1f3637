namespace JourneyPlugin.Server.Tests.Hosting;

/// <summary>Tests that load both cores for tens of seconds run alone, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyTests
{
    public const string Name = "Heavy";
}
