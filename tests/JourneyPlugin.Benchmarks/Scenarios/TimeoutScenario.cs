using System.Diagnostics;
using JourneyPlugin.Benchmarks.Harness;
using JourneyPlugin.Benchmarks.Reporting;
using JourneyPlugin.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JourneyPlugin.Benchmarks.Scenarios;

/// <summary>
/// Timeouts: N instances wait for a reply with a timeout ending at the same instant, whenever they
/// were enrolled; measured is how long after that instant the last one has fired and ended. The
/// instant is set after a short calibration run, far enough out for the enrolment to finish first.
/// </summary>
internal static class TimeoutScenario
{
    public const string Name = "timeouts";

    public static async Task<IReadOnlyList<Figure>> RunAsync(Workbench bench, int n)
    {
        var scanInterval = bench.Server.Services.GetRequiredService<IOptions<JourneyRuntimeOptions>>().Value.TimeoutScanInterval;
        bench.Log.WriteLine($"[{Name}] {n:N0} timeouts due at the same instant (scanner every {scanInterval.TotalSeconds:N0} s)");

        // Calibrate the enrolment rate on instances that wait for a day.
        bench.Register(BenchJourneys.TimeoutAtJson(DateTimeOffset.UtcNow.AddDays(1)));
        var calibration = Math.Clamp(n / 20, 50, 2_000);
        var clock = Stopwatch.StartNew();
        await bench.StartRunAsync("timeouts-calibration", BenchJourneys.TimeoutAt, calibration, first: 9_000_000);
        await bench.WaitForFunnelAsync("timeouts-calibration", f => f.Enrolled >= calibration);
        await bench.WaitForStatusAsync("timeouts-calibration", "Suspended", calibration);

        var rate = calibration / clock.Elapsed.TotalSeconds;
        var dueAt = DateTimeOffset.UtcNow + TimeSpan.FromSeconds((n / rate * 1.3) + 3);
        bench.Register(BenchJourneys.TimeoutAtJson(dueAt));
        bench.Log.WriteLine($"  enrolling at ~{rate:N0}/s; all due at {dueAt:HH:mm:ss.fff}");

        clock.Restart();
        await bench.StartRunAsync(Name, BenchJourneys.TimeoutAt, n);
        await bench.WaitForFunnelAsync(Name, f => f.Enrolled >= n);
        var enrolledAt = DateTimeOffset.UtcNow;
        var slack = dueAt - enrolledAt;
        bench.Log.WriteLine($"  enrolled in {clock.Elapsed.TotalSeconds:N1} s, {slack.TotalSeconds:N1} s before they are due");

        DateTimeOffset? firstFired = null;
        var funnel = await bench.WaitForFunnelAsync(
            Name,
            f => f.Completed >= n,
            TimeSpan.FromSeconds(Math.Max(60, scanInterval.TotalSeconds * 3)) + (slack > TimeSpan.Zero ? slack : TimeSpan.Zero),
            f => firstFired ??= f.TimedOut > 0 ? DateTimeOffset.UtcNow : null);
        var allFired = DateTimeOffset.UtcNow;
        if (funnel.TimedOut != n)
        {
            throw new InvalidOperationException($"{n} timeouts: {Workbench.Describe(funnel)}");
        }

        // Measured from the due instant, or from the end of the enrolment if that overran it.
        var from = enrolledAt > dueAt ? enrolledAt : dueAt;
        var total = allFired - from;
        var firing = allFired - (firstFired ?? allFired);
        bench.Log.WriteLine($"  first fired {(firstFired - dueAt)?.TotalSeconds:N1} s after due, all {total.TotalSeconds:N1} s after due; firing took {firing.TotalSeconds:N1} s ({n / Math.Max(firing.TotalSeconds, 0.001):N0}/s)");
        return
        [
            new(Name, $"all {n:N0} fired after the due instant", total.TotalSeconds, "s", Target: 60, Better: Better.Lower),
            new(Name, "firing rate once the scanner found them", n / Math.Max(firing.TotalSeconds, 0.001), "timeouts/s"),
        ];
    }
}
