namespace JourneyPlugin.Benchmarks.Scenarios;

/// <summary>The sizes of an <c>all</c> run.</summary>
/// <param name="Messages">Messages sent, and timeouts due.</param>
/// <param name="Instances">Waiting instances.</param>
/// <param name="Resumes">Waiting instances resumed by inbound webhooks.</param>
/// <param name="Concurrency">Webhook POSTs in flight.</param>
/// <param name="Micro">Whether to run the BenchmarkDotNet template benchmark.</param>
/// <param name="ScanInterval">The timeout scanner's interval; the product's default when null.</param>
internal sealed record BenchmarkSettings(int Messages, int Instances, int Resumes, int Concurrency, bool Micro, TimeSpan? ScanInterval = null);
