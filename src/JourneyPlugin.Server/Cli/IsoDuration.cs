using System.Diagnostics.CodeAnalysis;
using JourneyPlugin.Workflows.Execution;

namespace JourneyPlugin.Server.Cli;

/// <summary>ISO 8601 durations on the command line (<c>PT2H</c>, <c>P2D</c>, <c>P1DT30M</c>), read as journeys read them.</summary>
internal static class IsoDuration
{
    public static bool TryParse(string text, out TimeSpan duration, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = TimeSpan.Zero;
        reason = null;
        try
        {
            if (text.Trim().StartsWith('P'))
            {
                duration = ValueConverter.ParseDuration(text);
                if (duration >= TimeSpan.Zero)
                {
                    return true;
                }
            }
        }
        catch (FormatException)
        {
            // Reported below, in the command line's words.
        }

        reason = $"expected an ISO 8601 duration such as PT2H, P2D or P1DT30M, got '{text}'";
        return false;
    }
}
