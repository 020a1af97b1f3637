namespace JourneyPlugin.Infobip.Sandbox.DryRun;

/// <summary>
/// A clock whose time moves only when told, so a dry run lives through days of a journey in
/// milliseconds. Only the calendar is simulated: timers and timestamps (<see cref="TimeProvider.CreateTimer"/>,
/// <see cref="TimeProvider.GetTimestamp"/>) stay real, so HTTP time-outs and retries behave as usual.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long _utcTicks;

    /// <summary>Creates a clock that reads <paramref name="start"/> until it is moved.</summary>
    public ManualClock(DateTimeOffset start) => _utcTicks = start.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock forward by <paramref name="by"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="by"/> is negative: time does not go back.</exception>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _utcTicks, by.Ticks);
    }

    /// <summary>Moves the clock to <paramref name="time"/>; a time already past changes nothing.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        var now = GetUtcNow();
        if (time > now)
        {
            Advance(time - now);
        }
    }
}
