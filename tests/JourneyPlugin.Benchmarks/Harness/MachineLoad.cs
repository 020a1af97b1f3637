using System.Globalization;

namespace JourneyPlugin.Benchmarks.Harness;

/// <summary>What else the machine was doing: the figures of a loaded machine are not comparable.</summary>
internal static class MachineLoad
{
    /// <summary>The 1, 5 and 15 minute load averages (Linux), or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(' ', parts.Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    public static string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, load average {LoadAverage()}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
}
