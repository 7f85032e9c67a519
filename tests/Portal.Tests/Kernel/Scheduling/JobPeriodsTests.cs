using Portal.Core.Scheduling;

namespace Portal.Tests.Kernel.Scheduling;

/// <summary>Every node finds the same period from its clock alone.</summary>
[Trait("Category", "Fast")]
public sealed class JobPeriodsTests
{
    private static DateTime Utc(int day, int hour, int minute = 0, int second = 0) => new(2026, 12, day, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public void A_daily_period_with_an_offset_starts_at_the_offset_every_day()
    {
        var every = TimeSpan.FromDays(1);
        var offset = TimeSpan.FromHours(1); // 08:00 in Vietnam

        Assert.Equal(Utc(1, 1), JobPeriods.Start(Utc(1, 1), every, offset));
        Assert.Equal(Utc(1, 1), JobPeriods.Start(Utc(1, 23, 59, 59), every, offset));
        Assert.Equal(Utc(1, 1), JobPeriods.Start(Utc(2, 0, 59, 59), every, offset));
        Assert.Equal(Utc(2, 1), JobPeriods.Start(Utc(2, 1), every, offset));
    }

    [Fact]
    public void Periods_are_counted_from_the_epoch_so_every_node_agrees()
    {
        var every = TimeSpan.FromMinutes(15);

        Assert.Equal(Utc(1, 10, 45), JobPeriods.Start(Utc(1, 10, 59, 59), every, TimeSpan.Zero));
        Assert.Equal(DateTimeKind.Utc, JobPeriods.Start(Utc(1, 10), every, TimeSpan.Zero).Kind);
        Assert.Equal(new DateTime(1969, 12, 31, 23, 45, 0, DateTimeKind.Utc), JobPeriods.Start(new DateTime(1969, 12, 31, 23, 50, 0, DateTimeKind.Utc), every, TimeSpan.Zero));
    }

    [Fact]
    public void Fractions_of_a_second_are_dropped_so_a_slot_reads_back_exactly_from_any_database()
    {
        var start = JobPeriods.Start(Utc(1, 10, 30), TimeSpan.FromHours(1) + TimeSpan.FromTicks(7), TimeSpan.FromMinutes(5) + TimeSpan.FromTicks(3));

        Assert.Equal(Utc(1, 10, 5), start);
        Assert.Equal(0, start.Ticks % TimeSpan.TicksPerSecond);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(500, 0)]
    [InlineData(3_600_000, 3600)]
    [InlineData(3_600_000, -1)]
    public void A_period_under_a_second_or_an_offset_outside_it_is_refused(int everyMilliseconds, int offsetSeconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            JobPeriods.Start(Utc(1, 0), TimeSpan.FromMilliseconds(everyMilliseconds), TimeSpan.FromSeconds(offsetSeconds)));
}
