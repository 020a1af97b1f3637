namespace JourneyPlugin.Server.Cli;

/// <summary>
/// A status line: rewritten in place on a terminal; on redirected output, a plain line whenever it
/// changed, at most one per <see cref="PlainInterval"/>, so a log file stays readable.
/// </summary>
internal sealed class ProgressDisplay(TextWriter output, bool live, TimeProvider time)
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(1);

    private string? _last;
    private long _lastWrittenAt;
    private int _width;

    /// <summary>Whether <paramref name="output"/> is the terminal itself (standard output, not redirected).</summary>
    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>Shows <paramref name="line"/>.</summary>
    public async Task ShowAsync(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (live)
        {
            // Carriage return and padding: the previous text is overwritten, even when it was longer.
            await output.WriteAsync("\r" + line.PadRight(_width)).ConfigureAwait(false);
            _width = line.Length;
            await output.FlushAsync().ConfigureAwait(false);
            return;
        }

        if (line == _last || time.GetElapsedTime(_lastWrittenAt) < PlainInterval)
        {
            return;
        }

        await WriteLineAsync(line).ConfigureAwait(false);
    }

    /// <summary>Shows <paramref name="line"/> as the final state and ends the status line.</summary>
    public async Task CompleteAsync(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (live)
        {
            await output.WriteLineAsync("\r" + line.PadRight(_width)).ConfigureAwait(false);
            return;
        }

        if (line != _last)
        {
            await WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private async Task WriteLineAsync(string line)
    {
        await output.WriteLineAsync(line).ConfigureAwait(false);
        _last = line;
        _lastWrittenAt = time.GetTimestamp();
    }
}
