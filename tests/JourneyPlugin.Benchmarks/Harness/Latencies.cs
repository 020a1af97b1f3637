namespace JourneyPlugin.Benchmarks.Harness;

/// <summary>Percentiles of a set of latencies.</summary>
internal static class Latencies
{
    /// <summary>The <paramref name="percentile"/>th percentile (nearest rank) of <paramref name="sorted"/>, in milliseconds.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
