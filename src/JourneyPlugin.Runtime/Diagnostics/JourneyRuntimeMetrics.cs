using System.Diagnostics.Metrics;
using JourneyPlugin.Workflows.Diagnostics;

namespace JourneyPlugin.Runtime.Diagnostics;

/// <summary>The runtime's instruments on the <c>JourneyPlugin</c> meter.</summary>
public sealed class JourneyRuntimeMetrics
{
    private readonly Histogram<double> _resumeDuration;
    private readonly Counter<long> _resumed;

    /// <summary>Creates the instruments on the meter of <paramref name="meterFactory"/>, or on a meter of its own without one.</summary>
    public JourneyRuntimeMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = JourneyPluginMeter.Create(meterFactory);
        _resumeDuration = meter.CreateHistogram(
            "journeyplugin.journey.resume.duration",
            "s",
            "From a customer's message reaching its conversation to the waiting journey instances having run on.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _resumed = meter.CreateCounter<long>("journeyplugin.journey.resumed", "{instance}", "Journey instances resumed by a customer's message.");
    }

    /// <summary>A customer's message resumed <paramref name="instances"/> instances in <paramref name="elapsed"/>.</summary>
    public void Resumed(int instances, TimeSpan elapsed)
    {
        if (instances == 0)
        {
            return;
        }

        _resumed.Add(instances);
        _resumeDuration.Record(elapsed.TotalSeconds);
    }
}
