namespace JourneyPlugin.Runtime.Tests.Campaigns.Audience;

/// <summary>
/// Tests that measure the process's managed heap; they run on their own, after the parallel
/// tests, so other tests' allocations do not count against them.
/// </summary>
[CollectionDefinition(nameof(AudienceHeapMeasurement), DisableParallelization = true)]
public sealed class AudienceHeapMeasurement;
