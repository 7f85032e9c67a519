namespace Portal.Tests.Infrastructure;

/// <summary>
/// System time plus an offset the test moves (token expiry, the last-call throttle, mail backoff):
/// timers stay real, so a host's background loops keep running while its "now" jumps ahead.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
