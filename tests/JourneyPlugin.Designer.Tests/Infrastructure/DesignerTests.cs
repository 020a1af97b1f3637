namespace JourneyPlugin.Designer.Tests.Infrastructure;

/// <summary>One server and one browser for all designer tests, run one after the other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DesignerTests : ICollectionFixture<DesignerServer>
{
    public const string Name = "Designer";
}
