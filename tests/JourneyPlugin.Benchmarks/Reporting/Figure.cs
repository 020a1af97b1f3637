using System.Globalization;

namespace JourneyPlugin.Benchmarks.Reporting;

/// <summary>Whether more of a figure is better (a rate) or less (a latency, a size).</summary>
internal enum Better
{
    Higher,
    Lower,
}

/// <summary>One measured figure, with the target it is held against when there is one.</summary>
/// <param name="Scenario">The scenario that measured it.</param>
/// <param name="Name">What it is.</param>
/// <param name="Value">The measured value.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Target">The target, or null when the figure is informative only.</param>
/// <param name="Better">Which way is better.</param>
internal sealed record Figure(string Scenario, string Name, double Value, string Unit, double? Target = null, Better Better = Better.Higher)
{
    /// <summary>How the value compares with the target, as a ratio where 1 or more meets it; none for a lower-is-better value of 0 or less.</summary>
    /// <remarks>A difference of two measurements (memory per instance against a baseline) can come out at or below 0 within the noise.</remarks>
    public double? RatioToTarget => Target is not { } target || Value <= 0 && Better == Better.Lower
        ? null
        : Better == Better.Higher ? Value / target : target / Value;

    public bool? Met => Target is not { } target ? null : Better == Better.Higher ? Value >= target : Value <= target;

    public static string Format(double value) => Math.Abs(value) switch
    {
        >= 100 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("N2", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
