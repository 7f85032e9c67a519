namespace Portal.Core.Scheduling;

/// <summary>
/// The slot arithmetic of the scheduler: every node computes the same slot from its clock alone,
/// so "has this period run?" is one comparison with the lease row, with no coordination.
/// </summary>
internal static class JobPeriods
{
    /// <summary>
    /// The start of the slot containing <paramref name="nowUtc"/>. Period and offset count in whole
    /// seconds (fractions are dropped): PostgreSQL keeps microseconds, SQLite text keeps ticks, and
    /// a slot start must read back exactly as written, or "last period before this one" would stay
    /// true and the job run every tick.
    /// </summary>
    public static DateTime Start(DateTime nowUtc, TimeSpan every, TimeSpan offset)
    {
        every = TimeSpan.FromSeconds(Math.Floor(every.TotalSeconds));
        offset = TimeSpan.FromSeconds(Math.Floor(offset.TotalSeconds));
        if (every < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, "A job's period is at least one second.");
        }

        if (offset < TimeSpan.Zero || offset >= every)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "A job's offset lies inside its period.");
        }

        var ticks = nowUtc.Ticks - DateTime.UnixEpoch.Ticks - offset.Ticks;
        var slot = ticks >= 0 ? ticks / every.Ticks : ((ticks + 1) / every.Ticks) - 1;
        return new DateTime(DateTime.UnixEpoch.Ticks + offset.Ticks + (slot * every.Ticks), DateTimeKind.Utc);
    }
}
